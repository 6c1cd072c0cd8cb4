using System.ComponentModel.DataAnnotations;

namespace LiveWorkout.Pipeline;

/// <summary>Section "Capture": the live source and what to ask of it.</summary>
public sealed class CaptureOptions
{
    public const string Section = "Capture";

    /// <summary>Camera index (0), device path (/dev/video0), camera name, http(s)/rtsp URL, video file or image folder.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Source { get; set; } = "0";

    [Range(16, 7680)] public int Width { get; set; } = 640;
    [Range(16, 4320)] public int Height { get; set; } = 480;
    [Range(1.0, 240.0)] public double Fps { get; set; } = 30;

    /// <summary>Longest wait between reconnect attempts of a dropped stream.</summary>
    [Range(0.1, 600.0)] public double ReconnectMaxSeconds { get; set; } = 30;
}
