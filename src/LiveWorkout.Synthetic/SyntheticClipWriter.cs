using System.Globalization;
using System.Text;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Pose;
using LiveWorkout.Core.Recognition;
using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>
/// Writes a synthetic session as an mp4 (OpenCV VideoWriter, mp4v) with its <c>.labels.csv</c>
/// and <c>.sets.csv</c> (how each labelled set was done, for accuracy per variant) beside it, and
/// optionally <c>.joints2d.csv</c> (image pixels) and <c>.joints3d.csv</c> (world metres), and
/// the synthetic landmarks' features (<see cref="ExactLandmarksFolder"/>).
/// </summary>
public static class SyntheticClipWriter
{
    public const string SetsHeader = "start_s,end_s,exercise,variant,reps,tempo,pause_s,partial_share";

    /// <summary>
    /// The folder beside the clips that <see cref="ClipOptions.ExactLandmarks"/> fills: each clip's
    /// synthetic landmarks as landmark features, frame by frame, for `replay --from-predictions
    /// --reclassify`, which then scores a landmark model without the pose stage.
    /// </summary>
    public const string ExactLandmarksFolder = "exact-landmarks";

    /// <summary>Where the sets file of a clip goes: beside it, <c>&lt;clip&gt;.sets.csv</c>.</summary>
    public static string SetsPathFor(string videoPath) =>
        Path.Combine(Path.GetDirectoryName(videoPath) ?? "", Path.GetFileNameWithoutExtension(videoPath) + ".sets.csv");

    /// <summary>One row per labelled set, in the order of the labels file: its times, exercise, variant and how the reps were paced.</summary>
    public static string SetsCsv(ScriptTimeline timeline)
    {
        var sb = new StringBuilder(SetsHeader).Append('\n');
        foreach (var set in timeline.Sets)
        {
            var l = set.Labels;
            var g = set.Segment;
            sb.Append(CultureInfo.InvariantCulture,
                $"{l.Start.TotalSeconds:0.###},{l.End.TotalSeconds:0.###},{l.Exercise},{set.Variant},{l.Reps},{g.Tempo:0.###},{g.PauseAtExtreme:0.###},{g.PartialShare:0.###}\n");
        }
        return sb.ToString();
    }

    public static WrittenClip Write(string videoPath, int seed, ClipOptions options, CancellationToken cancellation = default)
    {
        SceneOptions.CheckSessionOcclusion(options.OcclusionChance);
        using var session = new SyntheticSession(seed, options.Width, options.Height, options.DurationSeconds, options.Fps,
            new SceneOptions(options.View, Effects: options.CameraEffects, OcclusionChance: options.OcclusionChance), options.Exercises);
        using var writer = Vision.Capture.Mp4Writer.Open(videoPath, options.Fps, new Size(options.Width, options.Height));

        var exact = options.ExactLandmarks ? new List<(long, TimeSpan, float[])>(session.FrameCount) : null;
        var landmarks = exact is null ? null : new float[PoseFrame.Length];
        StringBuilder? joints2d = options.Joints ? new StringBuilder("frame,time,joint,x,y\n") : null;
        StringBuilder? joints3d = options.Joints ? new StringBuilder("frame,time,joint,x,y,z\n") : null;
        using var frame = new Mat();
        for (int i = 0; i < session.FrameCount; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var pose = session.Render(i, frame);
            writer.Write(frame);
            if (exact is not null && landmarks is not null)
            {
                SyntheticLandmarks.Write(pose, session.Camera, landmarks);
                var features = new float[LandmarkFeatures.Size];
                LandmarkFeatures.Compute(landmarks, features);
                exact.Add((i, TimeSpan.FromTicks((long)Math.Round(session.TimeOf(i) * TimeSpan.TicksPerSecond)), features));
            }
            if (joints2d is null || joints3d is null) continue;
            string time = session.TimeOf(i).ToString("0.####", CultureInfo.InvariantCulture);
            for (int j = 0; j < Joints.Count; j++)
            {
                var p = pose.Joints[j];
                var q = session.Camera.Project(p);
                joints2d.Append(CultureInfo.InvariantCulture, $"{i},{time},{Joints.Names[j]},{q.X:0.##},{q.Y:0.##}\n");
                joints3d.Append(CultureInfo.InvariantCulture, $"{i},{time},{Joints.Names[j]},{p.X:0.####},{p.Y:0.####},{p.Z:0.####}\n");
            }
        }
        writer.Release();

        if (exact is not null)
            PredictionLog.Write(Path.Combine(Path.GetDirectoryName(videoPath) ?? "", ExactLandmarksFolder, PredictionLog.FileName(videoPath)),
                PredictionLog.LandmarksOnlyRecord(TimeSpan.FromSeconds(session.FrameCount / session.Fps), exact));

        string labelsPath = ClipAnnotation.PathFor(videoPath);
        session.Labels.Save(labelsPath);
        File.WriteAllText(SetsPathFor(videoPath), SetsCsv(session.Timeline));
        if (joints2d is not null && joints3d is not null)
        {
            string stem = Path.Combine(Path.GetDirectoryName(videoPath) ?? "", Path.GetFileNameWithoutExtension(videoPath));
            File.WriteAllText(stem + ".joints2d.csv", joints2d.ToString());
            File.WriteAllText(stem + ".joints3d.csv", joints3d.ToString());
        }
        return new WrittenClip(videoPath, labelsPath, session.FrameCount, session.Labels);
    }
}
