using LiveWorkout.Sessions;
using OpenCvSharp;

namespace LiveWorkout.Tests.Pipeline;

/// <summary>
/// The session log holds only what happened: a run that analysed no frame logs nothing and ends
/// with one line; a source that gave less than all of itself is logged, marked, and named in one
/// warning. These run the real program, whose native stderr (FFmpeg, libjpeg) must stay quiet.
/// </summary>
public sealed class HonestLogTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(fixture.Directory, "honest-" + Guid.NewGuid().ToString("N"))).FullName;

    private string Db => Path.Combine(_dir, "sessions.db");

    private AppProcess.Result App(params string[] args) =>
        AppProcess.Run([.. args, "--model", fixture.ModelPath, "--device", "cpu", "--db", Db], _dir);

    private IReadOnlyList<SessionLog> Logged() => File.Exists(Db) ? SessionStore.Open(Db).LoadSessions() : [];

    private static string OneLine(AppProcess.Result r)
    {
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got:\n{r.Error}");
        return lines[0];
    }

    [Fact]
    public void A_random_bytes_mp4_logs_nothing_and_says_so_in_one_line()
    {
        string clip = Path.Combine(_dir, "random.mp4");
        File.WriteAllBytes(clip, Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        var r = App("replay", clip);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith($"error: video {clip} could not be read", OneLine(r), StringComparison.Ordinal);
        Assert.DoesNotContain("moov", r.Error, StringComparison.Ordinal);
        Assert.Empty(Logged());
    }

    [Fact]
    public void An_empty_folder_logs_nothing()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        var r = App("replay", folder);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("error: no images", OneLine(r), StringComparison.Ordinal);
        Assert.Empty(Logged());
    }

    [Fact]
    public void A_missing_camera_logs_nothing()
    {
        if (File.Exists("/dev/video7")) return; // a machine with that camera cannot show its absence
        var r = App("live", "--source", "7", "--headless");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("error: camera 7 could not be opened", OneLine(r), StringComparison.Ordinal);
        Assert.Empty(Logged());
    }

    [Fact]
    public void A_refused_stream_logs_nothing()
    {
        var r = App("live", "--source", "http://127.0.0.1:1/video", "--headless");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("error: stream http://127.0.0.1:1/video could not be opened", OneLine(r), StringComparison.Ordinal);
        Assert.Empty(Logged());
    }

    [Fact]
    public void An_mp4_cut_in_half_is_logged_marked_incomplete_and_named_in_one_warning()
    {
        string clip = fixture.WriteClip(Path.Combine(_dir, "cut.mp4"), seconds: 4);
        Mp4FastStart.Apply(clip);
        using (var file = new FileStream(clip, FileMode.Open)) file.SetLength(file.Length / 2);

        var r = App("replay", clip, "--quiet");
        Assert.True(r.ExitCode == 0, r.Error);
        string warning = OneLine(r);
        Assert.Matches($@"^warning: {System.Text.RegularExpressions.Regex.Escape(clip)} ended early: \d+ of its 120 frames could be decoded .*; session 1 is logged and marked incomplete\.$", warning);

        var log = Assert.Single(Logged());
        Assert.Contains("ended early", log.Session.SourceProblem, StringComparison.Ordinal);
        var show = AppProcess.Run(["sessions", "show", "1", "--db", Db], _dir);
        Assert.Contains($"incomplete source: {clip} ended early", show.Output, StringComparison.Ordinal);
        var list = AppProcess.Run(["sessions", "list", "--db", Db], _dir);
        Assert.Matches(@"(?m)^\s*1!\s", list.Output);
    }

    [Fact]
    public void A_whole_mp4_is_not_marked()
    {
        string clip = fixture.WriteClip(Path.Combine(_dir, "whole.mp4"), seconds: 2);
        Mp4FastStart.Apply(clip);
        var r = App("replay", clip, "--quiet");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal("", r.Error);
        Assert.Null(Assert.Single(Logged()).Session.SourceProblem);
    }

    [Fact]
    public void A_truncated_jpg_in_an_image_folder_is_skipped_and_named_and_the_session_marked()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_dir, "frames")).FullName;
        using (var frame = new Mat(120, 160, MatType.CV_8UC3, new Scalar(40, 90, 140)))
            for (int i = 0; i < 10; i++)
            {
                Cv2.Circle(frame, new Point(80, 20 + i * 8), 12, Scalar.White, -1);
                Cv2.ImWrite(Path.Combine(folder, $"frame{i:00}.jpg"), frame);
            }
        string damaged = Path.Combine(folder, "frame04.jpg");
        using (var file = new FileStream(damaged, FileMode.Open)) file.SetLength(file.Length / 2);

        var r = App("replay", folder, "--quiet");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal($"warning: {damaged} is damaged or truncated and was skipped; session 1 is logged and marked incomplete.", OneLine(r));
        Assert.Contains("9 frames", r.Output, StringComparison.Ordinal);
        Assert.Contains("frame04.jpg", Assert.Single(Logged()).Session.SourceProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replay_is_dated_when_its_clip_was_recorded()
    {
        string clip = fixture.WriteClip(Path.Combine(_dir, "dated.mp4"), seconds: 4);
        var recordedEnd = new DateTime(2025, 6, 1, 10, 0, 4, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(clip, recordedEnd);
        var r = App("replay", clip, "--quiet");
        Assert.True(r.ExitCode == 0, r.Error);
        var started = Assert.Single(Logged()).Session.StartedAt;
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero), started);
    }

    [Fact]
    public void Replay_show_without_a_display_says_what_to_do()
    {
        string clip = fixture.WriteClip(Path.Combine(_dir, "show.mp4"), seconds: 1);
        var r = AppProcess.Run(["replay", clip, "--show", "--model", fixture.ModelPath, "--db", Db], _dir,
            new Dictionary<string, string> { ["DISPLAY"] = "", ["WAYLAND_DISPLAY"] = "" });
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: --show needs a display, and there is none (DISPLAY is not set): run it in a desktop session or set DISPLAY (e.g. DISPLAY=:99 under Xvfb), or drop --show to replay without the window.", OneLine(r));
        Assert.Empty(Logged());
    }
}
