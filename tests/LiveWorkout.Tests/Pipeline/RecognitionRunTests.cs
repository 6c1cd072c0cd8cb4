using LiveWorkout.Core;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Pipeline;
using LiveWorkout.Sessions;
using LiveWorkout.Vision.Capture.Loopback;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveWorkout.Tests.Pipeline;

public sealed class RecognitionRunTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private RecognitionSettings Settings(string source, string? db = null) => new()
    {
        Source = source,
        ModelPath = fixture.ModelPath,
        Device = "cpu",
        DatabasePath = db,
        KeepPredictions = true, // these tests look at every frame's output
    };

    [Fact]
    public async Task Replay_classifies_every_frame_in_order_and_logs_a_complete_session()
    {
        string clip = fixture.WriteClip("replay.mp4", seconds: 4);
        string db = Path.Combine(fixture.Directory, "replay.db");
        var result = await new RecognitionRun(Settings(clip, db), NullLogger.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(120, result.FramesClassified);
        Assert.Equal(Enumerable.Range(0, 120).Select(i => (long)i), result.Predictions.Select(p => p.Index));
        Assert.Equal(0, result.FramesDropped);
        Assert.All(result.Predictions, p => Assert.Equal(1f, p.Probabilities.Sum(), 3));
        Assert.Equal(4.0, result.MediaDuration.TotalSeconds, 3);
        Assert.Contains(result.Events, e => e is TimelineSample);

        var session = SessionStore.Open(db).LoadSession(result.SessionId!.Value);
        Assert.True(session.Session.Complete);
        Assert.Equal(clip, session.Session.Source);
    }

    [Fact]
    public async Task Without_its_temporal_head_the_default_model_classifies_each_frame_with_the_CNN_alone()
    {
        string root = Checkout.Root();
        var settings = new RecognitionSettings
        {
            Source = Path.Combine(root, "recordings", "demo.mp4"),
            ModelPath = Path.Combine(root, "models", "pixels"),
            Device = "cpu",
            KeepPredictions = true,
            MaxFrames = 45,
        };
        var withHead = await new RecognitionRun(settings, NullLogger.Instance).RunAsync(CancellationToken.None);
        var alone = await new RecognitionRun(settings with { UseTemporalHead = false }, NullLogger.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(45, alone.FramesClassified);
        using var package = ModelPackage.Load(settings.ModelPath);
        Assert.NotNull(package.Head);
        // The same frames, other probabilities: the head's verdict is a mix of its own and the CNN's.
        Assert.Equal(withHead.Predictions.Select(p => p.Index), alone.Predictions.Select(p => p.Index));
        Assert.NotEqual(withHead.Predictions.Select(p => p.Probabilities), alone.Predictions.Select(p => p.Probabilities));
        var again = await new RecognitionRun(settings with { UseTemporalHead = false }, NullLogger.Instance).RunAsync(CancellationToken.None);
        Assert.Equal(alone.Predictions.Select(p => p.Probabilities), again.Predictions.Select(p => p.Probabilities));
    }

    [Fact]
    public async Task Replay_is_deterministic()
    {
        string clip = fixture.WriteClip("twice.mp4", seconds: 2);
        var a = await new RecognitionRun(Settings(clip), NullLogger.Instance).RunAsync(CancellationToken.None);
        var b = await new RecognitionRun(Settings(clip), NullLogger.Instance).RunAsync(CancellationToken.None);
        Assert.Equal(a.Predictions.Select(p => p.Probabilities), b.Predictions.Select(p => p.Probabilities));
        Assert.Equal(a.Events, b.Events);
    }

    [Fact]
    public async Task A_missing_model_or_source_fails_with_one_line()
    {
        var noModel = Settings(fixture.WriteClip("m.mp4", 1)) with { ModelPath = Path.Combine(fixture.Directory, "nothing") };
        var e1 = await Assert.ThrowsAnyAsync<LiveWorkoutException>(() => new RecognitionRun(noModel, NullLogger.Instance).RunAsync(CancellationToken.None));
        Assert.DoesNotContain('\n', e1.Message);
        var e2 = await Assert.ThrowsAnyAsync<LiveWorkoutException>(() => new RecognitionRun(Settings(Path.Combine(fixture.Directory, "none.mp4")), NullLogger.Instance).RunAsync(CancellationToken.None));
        Assert.Contains("not a camera index", e2.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_from_a_loopback_stream_runs_to_the_end_with_fresh_frames_and_counted_drops()
    {
        // 6 s of 30 fps MJPEG served in real time on 127.0.0.1; the stream then ends for good.
        using var server = new MjpegStreamServer([180], fps: 30, width: 320, height: 240);
        var settings = Settings(server.Url) with { ReconnectMax = TimeSpan.FromMilliseconds(300) };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var run = new RecognitionRun(settings, NullLogger.Instance);
        var events = new List<SessionEvent>();
        run.EventRaised += e => { if (e is SourceLost) stop.CancelAfter(TimeSpan.FromSeconds(1)); };
        var result = await run.RunAsync(stop.Token);

        Assert.True(result.FramesClassified > 30, $"classified {result.FramesClassified}");
        Assert.True(result.FramesClassified + result.FramesDropped <= 180);
        // Latest wins: no backlog builds up, so the frame age stays around one inference.
        var sorted = result.LatenciesMs.Order().ToList();
        double p95 = sorted[(int)(0.95 * (sorted.Count - 1))];
        Assert.True(p95 < 1000, $"p95 frame age {p95:0} ms");
        Assert.Contains(result.Events, e => e is SourceLost);
    }

    [Fact]
    public async Task Live_frame_ages_leave_out_the_results_given_when_the_stream_ends()
    {
        // The shipped landmark model's temporal head answers each frame once 1 s more has come; the
        // frames of the stream's last second get their results when it has ended, and their age is
        // how long the source took to end (here the reconnect attempts), not a live frame's.
        using var server = new MjpegStreamServer([90], fps: 30, width: 320, height: 240);
        var settings = Settings(server.Url) with { ModelPath = Path.Combine(Checkout.Root(), "models", "landmarks"), ReconnectMax = TimeSpan.FromMilliseconds(300) };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var run = new RecognitionRun(settings, NullLogger.Instance);
        run.EventRaised += e => { if (e is SourceLost) stop.CancelAfter(TimeSpan.FromSeconds(1)); };
        var result = await run.RunAsync(stop.Token);

        Assert.True(result.FlushedAtEnd > 0, "no results were left for the end of the stream");
        Assert.Equal(result.FramesClassified - result.FlushedAtEnd, result.LatenciesMs.Count);
        Assert.True(result.FlushAgeMs > 0);
    }
}
