using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Landmarks;
using LiveWorkout.Vision.Pose;

namespace LiveWorkout.Learning.Tests.Landmarks;

public sealed class RenderedLandmarkClipsTests
{
    private static readonly IReadOnlyList<string> Classes = ExerciseCatalog.Ten;

    private static PoseEstimator ShippedPoseStage()
    {
        string folder = Path.Combine(Repository.Root(), "models", "pose");
        return new PoseEstimator(PoseLandmarkModel.Load(Path.Combine(folder, "pose_landmark_full.tflite")),
            PoseDetector.Load(Path.Combine(folder, "pose_detection.tflite")));
    }

    [Fact]
    public void The_pose_stage_finds_the_rendered_person_and_the_clip_keeps_the_sessions_labels_and_phases()
    {
        var options = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 40);
        using var estimator = ShippedPoseStage();
        const int seed = 9003;
        var clip = RenderedLandmarkClips.Make(seed, options, estimator);

        // The same seed's exact joints: the same session at the same tempo, so the same label and phase every step.
        var exact = SyntheticLandmarkClips.Make(seed, Classes, options with { Augment = false });
        Assert.Equal(exact.Count, clip.Count);
        Assert.Equal(exact.Labels.Select(l => Classes[l]), clip.Labels);
        Assert.Equal(exact.PhaseTargets, clip.PhaseTargets);
        Assert.Contains(clip.Labels, l => l != ExerciseCatalog.Idle);

        int found = Enumerable.Range(0, clip.Count).Count(i => PoseFrame.Presence(clip.Frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length)) >= LandmarkFeatures.PresenceThreshold);
        Assert.True(found >= 0.8 * clip.Count, $"person found in {found} of {clip.Count} frames");

        // Found landmarks are the pose model's, not the exact joints: they differ from them, but lie on the person.
        var series = clip.ToSeries(Classes);
        Assert.Equal(exact.Labels, series.Labels);
        Assert.NotEqual(exact.Embeddings, series.Embeddings);
    }

    [Fact]
    public void A_rendered_clip_is_the_same_every_time()
    {
        var options = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 12);
        using var estimator = ShippedPoseStage();
        var a = RenderedLandmarkClips.Make(9010, options, estimator);
        var b = RenderedLandmarkClips.Make(9010, options, estimator);
        Assert.Equal(a.Frames, b.Frames);
        Assert.Equal(a.Labels, b.Labels);
    }

    [Fact]
    public void A_pose_clip_file_round_trips_and_a_damaged_one_is_refused_in_one_line()
    {
        using var folder = new TempFolder("lw-poseclip");
        Directory.CreateDirectory(folder.Path);
        var frames = new float[3 * PoseFrame.Length];
        for (int i = 0; i < frames.Length; i++) frames[i] = i * 0.5f;
        var clip = new PoseClip("rendered:1", [0, 0.1, 0.2], frames, ["idle", "squat", "squat"], [0, 0, 1, 0, float.NaN, 1]);
        string path = Path.Combine(folder.Path, "1" + PoseClipFile.Extension);
        PoseClipFile.Write(path, clip);
        Assert.Equal([path], PoseClipFile.In(folder.Path));

        var read = PoseClipFile.Read(path);
        Assert.Equal(clip.Clip, read.Clip);
        Assert.Equal(clip.Times, read.Times);
        Assert.Equal(clip.Labels, read.Labels);
        Assert.Equal(clip.PhaseTargets, read.PhaseTargets);
        Assert.Equal(clip.Frames, read.Frames);

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 10)]);
        var cut = Assert.Throws<InvalidInputException>(() => PoseClipFile.Read(path));
        Assert.Contains("cut short", cut.Message, StringComparison.Ordinal);
        Assert.Contains("synth pose", cut.Message, StringComparison.Ordinal);

        File.WriteAllText(path, "not a pose clip at all");
        Assert.Throws<InvalidInputException>(() => PoseClipFile.Read(path));

        string empty = Path.Combine(folder.Path, "empty");
        Directory.CreateDirectory(empty);
        Assert.Contains("synth pose", Assert.Throws<InvalidInputException>(() => PoseClipFile.In(empty)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mirrored_clip_keeps_its_labels_and_a_label_the_model_lacks_is_refused()
    {
        var options = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 12, Augment: false);
        var exact = SyntheticLandmarkClips.Make(9011, Classes, options);
        var frames = new float[exact.Count * PoseFrame.Length];
        for (int i = 0; i < exact.Count; i++)
        {
            var frame = frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length);
            PoseFrame.SetHeader(frame, 1, 640, 480);
            for (int j = 0; j < PoseFrame.Landmarks; j++) PoseFrame.SetLandmark(frame, j, 100 + 3 * j + i, 50 + 7 * j, 0.9f);
        }
        var clip = new PoseClip("made", exact.Times, frames, [.. exact.Labels.Select(l => Classes[l])], exact.PhaseTargets!);
        var plain = clip.ToSeries(Classes);
        var mirrored = clip.ToSeries(Classes, mirror: true);
        Assert.Equal(plain.Labels, mirrored.Labels);
        Assert.NotEqual(plain.Embeddings, mirrored.Embeddings);

        var refused = Assert.Throws<InvalidInputException>(() => clip.ToSeries(["squat", "push_up"]));
        Assert.Contains("lack", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_synthetic_landmarks_lie_where_the_pose_model_puts_them_on_the_rendered_body()
    {
        // The landmark model learns from the synthetic landmarks and is served the pose model's:
        // their limb lengths and joints must agree. Placed on the joint centres, forearms and shins
        // were 10-20% longer than the pose model's, and elbows and ankles lay 0.11-0.13 of the torso
        // off. The pose model's shoulders are narrower than the joints', 0.80 of them seen from the
        // front and about 0.9 over all views; a fixed narrowing overshoots from the side, so they
        // stay on the joints. Six short sessions, so that the mix of exercises and views decides less.
        var options = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 20);
        using var estimator = ShippedPoseStage();
        var ratios = new Dictionary<string, List<float>>();
        var offsets = new Dictionary<string, List<float>>();
        for (int seed = 9021; seed < 9027; seed++)
        {
            var seen = RenderedLandmarkClips.Make(seed, options, estimator);
            var placed = PlacedLikeTheRender(seed, options, seen);
            for (int i = 0; i < seen.Count; i++)
            {
                var a = seen.Frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length);
                var b = placed.AsSpan(i * PoseFrame.Length, PoseFrame.Length);
                if (PoseFrame.Presence(a) < LandmarkFeatures.PresenceThreshold || PoseFrame.Presence(b) <= 0) continue;
                float torso = Distance(b, PoseFrame.LeftShoulder, PoseFrame.LeftHip);
                foreach (var (name, from, to) in Segments)
                {
                    if (PoseFrame.Visibility(a, from) < 0.8f || PoseFrame.Visibility(a, to) < 0.8f) continue;
                    float length = Distance(b, from, to);
                    if (length < 0.3f * torso) continue;
                    Add(ratios, name, Distance(a, from, to) / length);
                }
                foreach (var (name, landmark) in Joints)
                {
                    for (int side = 0; side < 2; side++)
                    {
                        if (PoseFrame.Visibility(a, landmark + side) < 0.8f) continue;
                        Add(offsets, name, MathF.Sqrt(MathF.Pow(PoseFrame.X(a, landmark + side) - PoseFrame.X(b, landmark + side), 2) +
                            MathF.Pow(PoseFrame.Y(a, landmark + side) - PoseFrame.Y(b, landmark + side), 2)) / torso);
                    }
                }
            }
        }
        string all = Describe(ratios) + "; offsets " + Describe(offsets);
        foreach (var (name, list) in ratios)
        {
            Assert.True(list.Count >= 50, $"{name}: only {list.Count} visible");
            float low = name == "shoulder width" ? 0.85f : 0.93f, median = Median(list);
            Assert.True(median > low && median < 1.07f, $"{name}: the pose model's length is {median:0.000} of the synthetic landmarks' ({list.Count} frames; all: {all})");
        }
        foreach (var (name, list) in offsets)
        {
            float median = Median(list);
            Assert.True(median < 0.1f, $"{name}: the pose model's lie {median:0.000} of the torso from the synthetic landmarks (all: {all})");
        }
        Assert.Equal(5, ratios.Count);
        Assert.Equal(6, offsets.Count);
    }

    /// <summary>The synthetic landmarks of session <paramref name="seed"/> at the moments and in the frame size of its render <paramref name="seen"/>.</summary>
    private static float[] PlacedLikeTheRender(int seed, SyntheticLandmarkOptions options, PoseClip seen)
    {
        var rng = new Random(unchecked(seed * 31 + 7));
        rng.Next(); // the render's frame size, taken from the render itself
        using var session = new LiveWorkout.Synthetic.SyntheticSession(seed, (int)PoseFrame.Width(seen.Frames), (int)PoseFrame.Height(seen.Frames), options.DurationSeconds, 30);
        var (_, sessionTimes) = SyntheticLandmarkClips.Schedule(session, seed, rng, options);
        Assert.Equal(seen.Count, sessionTimes.Length);
        var frames = new float[sessionTimes.Length * PoseFrame.Length];
        for (int i = 0; i < sessionTimes.Length; i++)
            LiveWorkout.Synthetic.SyntheticLandmarks.Write(session.PoseAt(SyntheticLandmarkClips.FrameAt(session, sessionTimes[i])), session.Camera, frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length));
        return frames;
    }

    private static void Add(Dictionary<string, List<float>> lists, string name, float value)
    {
        if (!lists.TryGetValue(name, out var list)) lists[name] = list = [];
        list.Add(value);
    }

    private static float Median(List<float> list) => list.Order().ElementAt(list.Count / 2);

    private static string Describe(Dictionary<string, List<float>> lists) => string.Join(", ", lists.Select(l => $"{l.Key} {Median(l.Value):0.000}"));

    [Fact]
    public void Through_a_mirrored_camera_the_synthetic_landmarks_name_the_sides_as_the_pose_model_does()
    {
        // A mirrored picture shows the body's left where its right would be; the pose model names
        // sides by what it sees. The joints named by the body's own sides had every arm and leg of
        // a mirrored session on the other side from the pose model's in nine frames of ten.
        var options = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 20);
        using var estimator = ShippedPoseStage();
        int sessions = 0, frames = 0, otherSide = 0;
        for (int seed = 9030; seed < 9200 && sessions < 2; seed++)
        {
            if (!IsMirroredFrontView(seed)) continue;
            var placed = SyntheticLandmarkClips.MakePoses(seed, options with { Augment = false }).Frames;
            // Renders and joints draw their frame sizes from lists that share their first two sizes: compare those.
            if (PoseFrame.Width(placed) != 640) continue;
            var seen = RenderedLandmarkClips.Make(seed, options, estimator);
            if (PoseFrame.Width(seen.Frames) != 640 || PoseFrame.Height(seen.Frames) != PoseFrame.Height(placed)) continue;
            sessions++;
            for (int i = 0; i < seen.Count; i++)
            {
                var a = seen.Frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length);
                var b = placed.AsSpan(i * PoseFrame.Length, PoseFrame.Length);
                if (PoseFrame.Presence(a) < LandmarkFeatures.PresenceThreshold || PoseFrame.Presence(b) <= 0) continue;
                frames++;
                if (ArmsDistance(a, b, swapped: true) < ArmsDistance(a, b, swapped: false)) otherSide++;
            }
        }
        Assert.Equal(2, sessions);
        Assert.True(frames >= 100, $"person found in {frames} frames");
        Assert.True(otherSide < 0.3 * frames, $"the arms are on the other side from the pose model's in {otherSide} of {frames} frames");
    }

    /// <summary>
    /// A session filmed from the front through a mirrored camera. From three-quarter and side
    /// views the pose model reads a rendered body, whose face is not drawn, as seen from behind in
    /// some sessions and from the front in others.
    /// </summary>
    private static bool IsMirroredFrontView(int seed)
    {
        using var session = new LiveWorkout.Synthetic.SyntheticSession(seed, 640, 480, 20, 30);
        return session.Camera.Mirror && Math.Abs(session.Scene.Azimuth) < 25;
    }

    private static float ArmsDistance(ReadOnlySpan<float> seen, ReadOnlySpan<float> placed, bool swapped)
    {
        float sum = 0;
        foreach (int p in new[] { PoseFrame.LeftShoulder, PoseFrame.LeftElbow, PoseFrame.LeftWrist, PoseFrame.RightShoulder, PoseFrame.RightElbow, PoseFrame.RightWrist })
        {
            int q = swapped ? PoseFrame.MirrorOf(p) : p;
            sum += MathF.Sqrt(MathF.Pow(PoseFrame.X(seen, q) - PoseFrame.X(placed, p), 2) + MathF.Pow(PoseFrame.Y(seen, q) - PoseFrame.Y(placed, p), 2));
        }
        return sum;
    }

    private static readonly (string Name, int From, int To)[] Segments =
    [
        ("shoulder width", PoseFrame.LeftShoulder, PoseFrame.RightShoulder),
        ("upper arm", PoseFrame.LeftShoulder, PoseFrame.LeftElbow),
        ("forearm", PoseFrame.LeftElbow, PoseFrame.LeftWrist),
        ("thigh", PoseFrame.LeftHip, PoseFrame.LeftKnee),
        ("shin", PoseFrame.LeftKnee, PoseFrame.LeftAnkle),
    ];

    private static readonly (string Name, int Left)[] Joints =
    [
        ("shoulders", PoseFrame.LeftShoulder), ("elbows", PoseFrame.LeftElbow), ("wrists", PoseFrame.LeftWrist),
        ("hips", PoseFrame.LeftHip), ("knees", PoseFrame.LeftKnee), ("ankles", PoseFrame.LeftAnkle),
    ];

    private static float Distance(ReadOnlySpan<float> frame, int a, int b) =>
        MathF.Sqrt(MathF.Pow(PoseFrame.X(frame, a) - PoseFrame.X(frame, b), 2) + MathF.Pow(PoseFrame.Y(frame, a) - PoseFrame.Y(frame, b), 2));
}
