using OpenCvSharp;

namespace LiveWorkout.Vision.Preprocessing;

/// <summary>
/// What the capture stage does with each frame of a video before the classifier sees it: the
/// model's pixel preprocessing (<see cref="FramePreprocessor"/>) or its pose stage
/// (<see cref="Pose.PoseFrontEnd"/>). Writes a fixed number of floats per frame; one instance per source and thread.
/// </summary>
public interface IFrameFrontEnd : IDisposable
{
    /// <summary>Floats written per frame.</summary>
    int Length { get; }

    /// <summary>The region of the last frame the model looked at, in frame pixels (null: the whole frame).</summary>
    Rect? Region { get; }

    /// <summary>Writes the model's input for one frame of the sequence, at its media or capture time.</summary>
    void ProcessInSequence(Mat frame, TimeSpan time, Span<float> destination);
}
