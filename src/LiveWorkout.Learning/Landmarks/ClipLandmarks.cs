using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Training;
using LiveWorkout.Vision.Capture;
using LiveWorkout.Vision.Pose;
using OpenCvSharp;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>
/// Training clips for a landmark model from labelled videos, such as your own recordings: the pose
/// stage runs on the video's frames at the sequence model's step and each kept frame gets its label
/// (the labelled set's exercise, idle outside the sets) and rep phase (from the labelled rep times;
/// unknown where the labels give none, so the phase head leaves those frames out).
/// </summary>
public static class ClipLandmarks
{
    /// <param name="name">The clip's name in the training data and in messages.</param>
    /// <param name="truth">What happened in the clip; a whole-clip label is one set over the whole video.</param>
    /// <param name="stepSeconds">Time between the frames kept (the sequence model's step).</param>
    public static PoseClip Make(string videoPath, string name, Func<TimeSpan, ClipAnnotation> truth, PoseEstimator estimator, double stepSeconds,
        CancellationToken cancellation = default)
    {
        if (!(stepSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(stepSeconds), stepSeconds, "the step must be positive");
        // The readers replay and live use: the same frames, upright, and AV1 through ffmpeg.
        using var reader = FrameReaders.OpenFile(videoPath);
        var times = new List<double>();
        var frames = new List<float>();
        var landmarks = new float[PoseFrame.Length];
        double next = 0;
        estimator.Reset();
        using var frame = new Mat();
        long index = 0;
        for (; reader.Read(frame) && !frame.Empty(); index++)
        {
            cancellation.ThrowIfCancellationRequested();
            double time = reader.MediaTimeOf(index).TotalSeconds;
            if (time + 1e-6 < next) continue;
            estimator.Estimate(frame, time, landmarks);
            times.Add(time);
            frames.AddRange(landmarks);
            while (next <= time + 1e-6) next += stepSeconds;
        }
        if (times.Count == 0) throw new InvalidInputException($"'{videoPath}' gave no frame: check the file, or leave it out");

        var labels = truth(TimeSpan.FromSeconds(index / reader.Fps));
        var timeArray = times.ToArray();
        var names = timeArray.Select(t => labels.LabelAt(TimeSpan.FromSeconds(t))).ToArray();
        var phases = ClipEmbeddings.PhaseTargetsAt(timeArray, labels);
        for (int i = 0; i < timeArray.Length; i++)
        {
            // A set whose reps nobody counted (a whole-clip label) has an unknown phase, not none.
            var set = labels.SetAt(TimeSpan.FromSeconds(timeArray[i]));
            if (set is { Reps: 0 } && !ExerciseCatalog.IsStaticHold(set.Exercise)) phases[2 * i] = phases[2 * i + 1] = float.NaN;
        }
        return new PoseClip(name, timeArray, [.. frames], names, phases);
    }
}
