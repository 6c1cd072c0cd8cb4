using LiveWorkout.Vision.Tests.Capture;

namespace LiveWorkout.Tests.Pipeline;

/// <summary>One connection's worth of real-time MJPEG on 127.0.0.1.</summary>
public sealed class MjpegServerHandle(int frames) : IDisposable
{
    private readonly MjpegServer _server = new([frames], fps: 30, width: 320, height: 240);
    public string Url => _server.Url;
    public void Dispose() => _server.Dispose();
}
