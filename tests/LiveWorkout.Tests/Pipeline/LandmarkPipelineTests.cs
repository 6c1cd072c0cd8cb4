using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Native;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Pipeline;
using LiveWorkout.Synthetic;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace LiveWorkout.Tests.Pipeline;

/// <summary>A landmark package with untrained heads whose pose stage is the shipped models/pose (detector and landmark model).</summary>
public sealed class LandmarkPackageFixture : IDisposable
{
    public LandmarkPackageFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("lw-landmarks-").FullName;
        ModelPath = Path.Combine(Directory, "model");
        string pose = Path.Combine(Checkout.Root(), "models", "pose");
        var spec = new TemporalHeadSpec(8, 0.2, 16, 0.4);
        using var package = ModelPackage.CreateLandmarks(ExerciseCatalog.Ten,
            new PoseSpec(Path.Combine(pose, "pose_landmark_full.tflite"), Path.Combine(pose, "pose_detection.tflite"), LandmarkFeatures.Size));
        var head = new TemporalHead(LandmarkFeatures.Size, ExerciseCatalog.Ten.Count, spec);
        var phaseHead = new TemporalHead(LandmarkFeatures.Size, ModelPackage.PhaseOutputs, spec);
        SeededWeights.Redraw(head, seed: 5);
        SeededWeights.Redraw(phaseHead, seed: 6);
        package.AttachHead(head, new Dictionary<string, double>(), phaseHead);
        package.Save(ModelPath);
    }

    public string Directory { get; }
    public string ModelPath { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

public sealed class LandmarkPipelineTests(LandmarkPackageFixture fixture, PipelineFixture clips) : IClassFixture<LandmarkPackageFixture>, IClassFixture<PipelineFixture>
{
    [Fact]
    public async Task Replay_through_the_pose_stage_classifies_every_frame_with_landmark_features()
    {
        string clip = Path.Combine(fixture.Directory, "person.mp4");
        SyntheticClipWriter.Write(clip, 31, new ClipOptions(320, 240, 4, 30));
        var result = await new RecognitionRun(new RecognitionSettings
        {
            Source = clip, ModelPath = fixture.ModelPath, Device = "cpu", KeepPredictions = true, KeepEmbeddings = true,
        }, NullLogger.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(120, result.FramesClassified);
        Assert.Equal(Enumerable.Range(0, 120).Select(i => (long)i), result.Predictions.Select(p => p.Index));
        Assert.All(result.Predictions, p => Assert.Equal(1f, p.Probabilities.Sum(), 3));
        Assert.All(result.Predictions, p => Assert.NotNull(p.RepPhase));
        Assert.All(result.Predictions, p => Assert.Equal(LandmarkFeatures.Size, p.Embedding.Length));
        // The last feature is presence: the rendered person is found in most frames.
        int withPerson = result.Predictions.Count(p => p.Embedding[^1] > 0);
        Assert.True(withPerson > 60, $"a person in {withPerson} of 120 frames");
        Assert.Equal(withPerson, result.PersonFrames);
        Assert.NotNull(result.FrontEndMs);
        Assert.Equal(120, result.FrontEndMs!.Count);
    }

    [Fact]
    public async Task Frames_with_nobody_in_them_are_classified_without_error()
    {
        string clip = clips.WriteClip("nobody.mp4", seconds: 2);
        var result = await new RecognitionRun(new RecognitionSettings
        {
            Source = clip, ModelPath = fixture.ModelPath, Device = "cpu", KeepPredictions = true, KeepEmbeddings = true,
        }, NullLogger.Instance).RunAsync(CancellationToken.None);
        Assert.Equal(60, result.FramesClassified);
        Assert.All(result.Predictions, p => Assert.All(p.Embedding, v => Assert.Equal(0, v)));
        Assert.Equal(0, result.PersonFrames);
    }

    /// <summary>A replay in which the pose stage finds nobody ends saying so and how to be seen, not only that no set was recognised.</summary>
    [Fact]
    public void A_replay_with_nobody_in_view_says_so_and_how_to_be_seen()
    {
        string empty = clips.WriteClip("nobody-cli.mp4", seconds: 2);
        var r = AppProcess.Run(["replay", empty, "--model", fixture.ModelPath, "--device", "cpu", "--no-log"], fixture.Directory);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("person in view in 0% of the frames: nobody was found; keep the whole body in the picture", r.Output, StringComparison.Ordinal);

        string person = Path.Combine(fixture.Directory, "person-cli.mp4");
        SyntheticClipWriter.Write(person, 31, new ClipOptions(320, 240, 4, 30));
        r = AppProcess.Run(["replay", person, "--model", fixture.ModelPath, "--device", "cpu", "--no-log"], fixture.Directory);
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"person in view in \d+% of the frames\r?\n", r.Output);
        Assert.DoesNotContain("nobody was found", r.Output, StringComparison.Ordinal);
    }

    /// <summary>A replay of a person filmed from the front ends saying which views are recognised best; one filmed side-on does not.</summary>
    [Fact]
    public void A_replay_of_a_person_facing_the_camera_says_which_views_are_recognised_best()
    {
        string Replay(string name, CameraView view)
        {
            string clip = Path.Combine(fixture.Directory, name);
            SyntheticClipWriter.Write(clip, 32, new ClipOptions(320, 240, 4, 30, View: view));
            var r = AppProcess.Run(["replay", clip, "--model", fixture.ModelPath, "--device", "cpu", "--no-log"], fixture.Directory);
            Assert.Equal(0, r.ExitCode);
            return r.Output;
        }
        Assert.Matches(@"facing the camera in \d+% of them: curls, lunges and pull-ups filmed from the front are recognised least; side-on or at three-quarters is best", Replay("front-cli.mp4", CameraView.Front));
        Assert.DoesNotContain("facing the camera", Replay("side-cli.mp4", CameraView.Side), StringComparison.Ordinal);
    }
}

/// <summary>A long replay through the pose stage must hold tensors and native memory flat, as the pixel path does.</summary>
[Collection(nameof(MemoryTests))]
public sealed class LandmarkMemoryTests(LandmarkPackageFixture fixture, PipelineFixture clips, ITestOutputHelper output)
    : IClassFixture<LandmarkPackageFixture>, IClassFixture<PipelineFixture>
{
    private const int Frames = 1500; // 2.5 minutes at 10 fps, 160x120

    [Fact]
    public async Task A_long_landmark_replay_keeps_tensors_and_native_heap_flat()
    {
        string clip = clips.WriteClip("long-landmarks.mp4", seconds: Frames / 10.0, fps: 10);
        var run = new RecognitionRun(new RecognitionSettings { Source = clip, ModelPath = fixture.ModelPath, Device = "cpu" }, NullLogger.Instance);
        var samples = new List<(long Frames, long Tensors, long Native)>();
        var task = run.RunAsync(CancellationToken.None);
        foreach (double at in new[] { 0.25, 0.5, 0.75, 0.95 })
        {
            while (run.FramesClassified < at * Frames && !task.IsCompleted) await Task.Delay(20);
            Assert.False(task.IsCompleted, $"the run ended before {at:P0} of the clip");
            long floor = long.MaxValue;
            for (int i = 0; i < 40; i++)
            {
                floor = Math.Min(floor, ProcessMemory.NativeHeapInUse());
                await Task.Delay(3);
            }
            samples.Add((run.FramesClassified, run.LiveTensors, floor));
        }
        var result = await task;
        Assert.Equal(Frames, result.FramesClassified);
        string series = string.Join("; ", samples.Select(s => $"{s.Frames} frames: {s.Tensors} tensors, native {s.Native / 1048576.0:0.0} MB"));
        output.WriteLine(series);
        Assert.True(samples[^1].Tensors == samples[1].Tensors, series);
        // 600+ frames between the samples: a leaked 256x256 crop per frame would add over 100 MB.
        if (samples[^1].Native >= 0) Assert.True(samples[^1].Native - samples[1].Native < 16L * 1048576, series);
    }
}
