using LiveWorkout.Core;
using OpenCvSharp;

namespace LiveWorkout.Vision.Synthetic;

/// <summary>Options of <c>synth frames</c>.</summary>
public sealed record SessionFramesOptions(
    int Sessions, int Seed, int Width = 160, int Height = 120, double SessionSeconds = 60, double EverySeconds = 0.5,
    IReadOnlyList<double>? Splits = null, string Format = "jpg", double CleanShare = 0.2);

/// <summary>
/// A folder-per-class dataset of frames sampled from whole synthetic sessions, labelled by the
/// session's exact timeline (transitions and rests are idle). Unlike <see cref="SyntheticImageDataset"/>,
/// whose framing fits one exercise, these frames look exactly like what the pipeline sees when
/// it replays a session: one camera for the whole session, set-ups, walking, rests. A session is
/// one group, so it never spans two splits.
/// </summary>
public static class SessionFrameDataset
{
    public static IReadOnlyList<ManifestRow> Write(string root, SessionFramesOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        if (options.Sessions < 1) throw new LiveWorkoutException("--sessions must be at least 1", 2);
        if (options.EverySeconds <= 0) throw new LiveWorkoutException("--every-s must be positive", 2);
        if (options.Format is not ("png" or "jpg")) throw new LiveWorkoutException($"image format '{options.Format}' is not png or jpg", 2);
        Directory.CreateDirectory(root);
        var splitOf = SyntheticImageDataset.AssignSplits(options.Sessions, options.Splits, new Random(SeedMix.Of(options.Seed, -1)));
        var rows = new List<ManifestRow>();
        using var frame = new Mat();
        for (int s = 0; s < options.Sessions; s++)
        {
            cancellation.ThrowIfCancellationRequested();
            int seed = SeedMix.Of(options.Seed, s);
            var rng = new Random(seed);
            bool clean = rng.NextDouble() < options.CleanShare;
            using var session = new SyntheticSession(seed, options.Width, options.Height, options.SessionSeconds, 30,
                new SceneOptions(Effects: !clean, OcclusionChance: 0.05));
            int step = Math.Max(1, (int)Math.Round(options.EverySeconds * session.Fps));
            string group = $"session-{s:D4}";
            string view = SyntheticImageDataset.ViewName(session.Scene.Azimuth);
            for (int i = rng.Next(step); i < session.FrameCount; i += step)
            {
                string label = session.Labels.LabelAt(TimeSpan.FromSeconds(session.TimeOf(i)));
                session.Render(i, frame);
                string folder = splitOf[s].Length > 0 ? Path.Combine(root, splitOf[s], label) : Path.Combine(root, label);
                Directory.CreateDirectory(folder);
                string file = Path.Combine(folder, $"{group}-{i:D5}.{options.Format}");
                Cv2.ImWrite(file, frame);
                rows.Add(new ManifestRow(Path.GetRelativePath(root, file).Replace('\\', '/'), label, splitOf[s], group, seed, seed,
                    view, session.Scene.Azimuth, session.Scene.Elevation, session.Scene.Mirror, clean ? "clean" : ""));
            }
            if ((s + 1) % 25 == 0) progress?.Report($"{s + 1}/{options.Sessions} sessions, {rows.Count} frames");
        }
        SyntheticImageDataset.WriteManifest(Path.Combine(root, "manifest.csv"), rows);
        return rows;
    }
}
