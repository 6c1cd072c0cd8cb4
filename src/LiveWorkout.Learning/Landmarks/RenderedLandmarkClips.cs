using LiveWorkout.Core.Pose;
using LiveWorkout.Synthetic;
using LiveWorkout.Vision.Pose;
using OpenCvSharp;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>
/// Training clips for a landmark model as the pose model sees the synthetic world: each session is
/// rendered (people, scene, camera noise) at the sequence model's step, played at a tempo of its
/// own as in <see cref="SyntheticLandmarkClips"/>, and the pose stage's landmarks of each rendered
/// frame are kept. A model trained on them learns the pose model's real errors on a body
/// (a guessed leg, a swapped side, a lost person) instead of only imitated ones.
/// </summary>
public static class RenderedLandmarkClips
{
    /// <summary>Frame sizes of webcams, phones and the demonstration videos people film themselves with.</summary>
    private static readonly (int Width, int Height)[] Sizes = [(640, 480), (640, 360), (480, 270), (360, 640)];

    /// <summary>Renders session <paramref name="seed"/> and runs <paramref name="estimator"/> on every kept frame.</summary>
    public static PoseClip Make(int seed, SyntheticLandmarkOptions options, PoseEstimator estimator, CancellationToken cancellation = default)
    {
        var rng = new Random(unchecked(seed * 31 + 7));
        var (width, height) = Sizes[rng.Next(Sizes.Length)];
        using var session = new SyntheticSession(seed, width, height, options.DurationSeconds, 30);
        var (times, sessionTimes) = SyntheticLandmarkClips.Schedule(session, seed, rng, options);
        var frames = new float[times.Length * PoseFrame.Length];
        estimator.Reset();
        using var image = new Mat();
        for (int i = 0; i < times.Length; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            session.Render(SyntheticLandmarkClips.FrameAt(session, sessionTimes[i]), image);
            estimator.Estimate(image, times[i], frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length));
        }
        return SyntheticLandmarkClips.Clip($"rendered:{seed}", times, sessionTimes, frames, session);
    }
}
