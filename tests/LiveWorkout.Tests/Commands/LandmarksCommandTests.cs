using LiveWorkout.Cli;
using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Learning.Landmarks;

namespace LiveWorkout.Tests.Commands;

public sealed class LandmarksCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lw-landmarks-").FullName;
    private static readonly string Model = Path.Combine(Checkout.Root(), "models", "landmarks");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Landmarks_keeps_each_labelled_clip_as_the_pose_stage_saw_it_with_its_labels_for_train_landmarks()
    {
        string clips = Path.Combine(_root, "clips");
        var error = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["synth", "clips", "--out", clips, "--count", "1", "--seed", "31", "--size", "320x240", "--duration-s", "30"], new StringWriter(), error);
        Assert.True(code == 0, error.ToString());
        var truth = ClipAnnotation.Load(Path.Combine(clips, "synth-000.labels.csv"));
        Assert.Contains(truth.Sets, s => s.RepTimes.Count > 0);

        string pose = Path.Combine(_root, "pose");
        var output = new StringWriter();
        code = await LiveWorkoutCli.InvokeAsync(["landmarks", clips, "--out", pose, "--model", Model], output, error);
        Assert.True(code == 0, error.ToString());
        var clip = PoseClipFile.Read(Path.Combine(pose, "synth-000.pose"));

        // A frame every 0.1 s of the 30 s clip, each labelled as the labels file says, the rep phase known inside sets with rep times.
        Assert.InRange(clip.Count, 298, 301);
        Assert.All(clip.Times.Zip(clip.Times.Skip(1)), p => Assert.InRange(p.Second - p.First, 0.09, 0.11));
        for (int i = 0; i < clip.Count; i++)
        {
            var time = TimeSpan.FromSeconds(clip.Times[i]);
            Assert.Equal(truth.LabelAt(time), clip.Labels[i]);
            (float cos, float sin) = (clip.PhaseTargets[2 * i], clip.PhaseTargets[2 * i + 1]);
            if (truth.SetAt(time) is not { } set) Assert.Equal((0f, 0f), (cos, sin));
            else if (set.RepPhaseAt(time) is { } phase) Assert.Equal(Math.Cos(phase), cos, 1e-4);
        }
        int found = Enumerable.Range(0, clip.Count).Count(i => clip.Frames[i * Core.Pose.PoseFrame.Length] >= Core.Pose.LandmarkFeatures.PresenceThreshold);
        Assert.True(found > clip.Count / 2, $"the person was found in {found} of {clip.Count} frames");

        // Whole-clip labels: the folder's class throughout, reps not counted, so the phase is unknown rather than none.
        string whole = Path.Combine(_root, "whole", "squat");
        Directory.CreateDirectory(whole);
        File.Copy(Path.Combine(clips, "synth-000.mp4"), Path.Combine(whole, "demo.mp4"));
        string wholePose = Path.Combine(_root, "whole-pose");
        code = await LiveWorkoutCli.InvokeAsync(["landmarks", Path.GetDirectoryName(whole)!, "--out", wholePose, "--whole-clip-labels", "--model", Model], new StringWriter(), error);
        Assert.True(code == 0, error.ToString());
        var squat = PoseClipFile.Read(Path.Combine(wholePose, "squat_demo.pose"));
        Assert.All(squat.Labels, l => Assert.Equal("squat", l));
        Assert.All(squat.PhaseTargets, v => Assert.True(float.IsNaN(v)));

        // train-landmarks learns from them beside the joints, each clip as often as asked.
        string trained = Path.Combine(_root, "model");
        output = new StringWriter();
        code = await LiveWorkoutCli.InvokeAsync(["train-landmarks", "--out", trained, "--sessions", "4", "--duration-s", "10", "--epochs", "1", "--phase-epochs", "1",
            "--pose-data", pose, "--pose-data-copies", "3", "--device", "cpu"], output, error);
        Assert.True(code == 0, error.ToString());
        Assert.Contains($"1 clips as the pose stage saw them, from {pose}, each 3 times", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_labelled_clips_or_a_pixel_model_is_one_line()
    {
        string empty = Path.Combine(_root, "empty");
        Directory.CreateDirectory(empty);
        File.WriteAllBytes(Path.Combine(empty, "unlabelled.mp4"), [0, 1, 2]);
        var error = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["landmarks", empty, "--out", Path.Combine(_root, "p"), "--model", Model], new StringWriter(), error);
        Assert.Equal(ExitCodes.BadConfiguration, code);
        var lines = error.ToString().Trim().Split('\n');
        Assert.Equal(2, lines.Length); // the clip skipped, then what to do
        Assert.StartsWith("warning: skipped unlabelled.mp4", lines[0], StringComparison.Ordinal);
        Assert.Contains("--whole-clip-labels", lines[1], StringComparison.Ordinal);

        error = new StringWriter();
        code = await LiveWorkoutCli.InvokeAsync(["landmarks", empty, "--out", Path.Combine(_root, "p"), "--model", Path.Combine(Checkout.Root(), "models", "pixels")], new StringWriter(), error);
        Assert.Equal(ExitCodes.BadConfiguration, code);
        Assert.Contains("pixel model", Assert.Single(error.ToString().Trim().Split('\n')), StringComparison.Ordinal);

        error = new StringWriter();
        string corrupt = Path.Combine(_root, "corrupt", "squat");
        Directory.CreateDirectory(corrupt);
        File.WriteAllBytes(Path.Combine(corrupt, "broken.mp4"), [0, 1, 2, 3]);
        code = await LiveWorkoutCli.InvokeAsync(["landmarks", Path.GetDirectoryName(corrupt)!, "--out", Path.Combine(_root, "p"), "--whole-clip-labels", "--model", Model], new StringWriter(), error);
        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Contains("broken.mp4", Assert.Single(error.ToString().Trim().Split('\n')), StringComparison.Ordinal);
    }
}
