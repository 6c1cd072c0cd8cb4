using LiveWorkout.Core;
using LiveWorkout.Vision.Preprocessing;
using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>
/// A folder-per-class dataset of frames sampled from whole synthetic sessions, labelled by the
/// session's exact timeline (transitions and rests are idle). Unlike <see cref="SyntheticImageDataset"/>,
/// whose framing fits one exercise, these frames look exactly like what the pipeline sees when
/// it replays a session: one camera for the whole session, set-ups, walking, rests. A session is
/// one group, so it never spans two splits.
/// With a <see cref="SessionFramesOptions.Region"/>, each saved frame is the region the pipeline's
/// own <see cref="MotionRegionTracker"/> finds at that moment, having watched the session from its
/// start on its time grid, so a model trained on them sees what it will see in replay and live;
/// the region is recorded in the dataset (<see cref="DatasetRegion"/>), from which <c>train</c> puts it in the model's input spec.
/// Sessions render in parallel; the output does not depend on the number of cores.
/// </summary>
public static class SessionFrameDataset
{
    public static IReadOnlyList<ManifestRow> Write(string root, SessionFramesOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        if (options.Sessions < 1) throw new InvalidInputException("--sessions must be at least 1");
        if (options.EverySeconds <= 0) throw new InvalidInputException("--every-s must be positive");
        if (options.Format is not ("png" or "jpg")) throw new InvalidInputException($"image format '{options.Format}' is not png or jpg");
        SceneOptions.CheckSessionOcclusion(options.OcclusionChance);
        options.Region?.Validate();
        Directory.CreateDirectory(root);
        DatasetRegion.Write(root, options.Region);

        var splitOf = SyntheticImageDataset.AssignSplits(options.Sessions, options.Splits, new Random(SeedMix.Of(options.Seed, -1)));
        var perSession = new List<ManifestRow>[options.Sessions];
        int done = 0, frames = 0;
        Parallel.For(0, options.Sessions, new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = Environment.ProcessorCount }, s =>
        {
            perSession[s] = WriteSession(root, options, s, splitOf[s]);
            int finished = Interlocked.Increment(ref done), total = Interlocked.Add(ref frames, perSession[s].Count);
            if (finished % 25 == 0) progress?.Report($"{finished}/{options.Sessions} sessions, {total} frames");
        });
        var rows = perSession.SelectMany(r => r).ToList();
        SyntheticImageDataset.WriteManifest(Path.Combine(root, "manifest.csv"), rows);
        return rows;
    }

    private static List<ManifestRow> WriteSession(string root, SessionFramesOptions options, int s, string split)
    {
        var rows = new List<ManifestRow>();
        int seed = SeedMix.Of(options.Seed, s);
        var rng = new Random(seed);
        bool clean = rng.NextDouble() < options.CleanShare;
        using var session = new SyntheticSession(seed, options.Width, options.Height, options.SessionSeconds, 30,
            new SceneOptions(Effects: !clean, OcclusionChance: options.OcclusionChance));
        using var tracker = options.Region is { } spec ? new MotionRegionTracker(spec) : null;
        using var frame = new Mat();
        int step = Math.Max(1, (int)Math.Round(options.EverySeconds * session.Fps));
        string group = $"session-{s:D4}";
        string view = SyntheticImageDataset.ViewName(session.Scene.Azimuth);
        int first = rng.Next(step);
        for (int i = tracker is null ? first : 0; i < session.FrameCount; i += tracker is null ? step : 1)
        {
            var time = TimeSpan.FromSeconds(session.TimeOf(i));
            bool sampled = i >= first && (i - first) % step == 0;
            if (!sampled && tracker?.Wants(time) != true) continue;
            session.Render(i, frame);
            Rect? region = tracker?.Observe(frame, time);
            if (!sampled) continue;

            string label = session.Labels.LabelAt(time);
            string folder = split.Length > 0 ? Path.Combine(root, split, label) : Path.Combine(root, label);
            Directory.CreateDirectory(folder);
            string file = Path.Combine(folder, $"{group}-{i:D5}.{options.Format}");
            if (region is { } r)
            {
                using var crop = new Mat(frame, r);
                Cv2.ImWrite(file, crop);
            }
            else Cv2.ImWrite(file, frame);
            rows.Add(new ManifestRow(Path.GetRelativePath(root, file).Replace('\\', '/'), label, split, group, seed, seed,
                view, session.Scene.Azimuth, session.Scene.Elevation, session.Scene.Mirror, clean ? "clean" : ""));
        }
        return rows;
    }
}
