using LiveWorkout.Cli;
using LiveWorkout.Tests.Pipeline;
using LiveWorkout.Vision.Capture.Loopback;
using OpenCvSharp;

namespace LiveWorkout.Tests.Commands;

public sealed class RecordCommandTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private static (int Frames, Size Size, double Fps) ReadBack(string path)
    {
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        Assert.True(capture.IsOpened(), $"{path} does not open");
        using var frame = new Mat();
        int frames = 0;
        Size size = default;
        while (capture.Read(frame) && !frame.Empty()) { frames++; size = frame.Size(); }
        return (frames, size, capture.Fps);
    }

    [Fact]
    public async Task Record_copies_a_video_file_frame_for_frame_into_a_playable_mp4()
    {
        string clip = fixture.WriteClip("record-in.mp4", seconds: 2, fps: 25);
        string output = Path.Combine(fixture.Directory, "out", "copy.mp4");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["record", "--source", clip, "--out", output, "--headless"], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("the source ended: wrote 50 frames", stdout.ToString(), StringComparison.Ordinal);
        var back = ReadBack(output);
        Assert.Equal(50, back.Frames);
        Assert.Equal(new Size(160, 120), back.Size);
        Assert.Equal(25, back.Fps, 1);
    }

    [Fact]
    public async Task Record_of_a_loopback_stream_stops_at_the_duration_and_keeps_real_time()
    {
        using var server = new MjpegStreamServer([300], fps: 30, width: 320, height: 240);
        string output = Path.Combine(fixture.Directory, "stream.mp4");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["record", "--source", server.Url, "--out", output, "--duration-s", "2", "--headless"], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("duration reached", stdout.ToString(), StringComparison.Ordinal);
        var back = ReadBack(output);
        // 2 s at the stream's 30 fps, give or take the frame in flight at the deadline.
        Assert.InRange(back.Frames, 58, 62);
        Assert.Equal(new Size(320, 240), back.Size);
    }

    [Fact]
    public async Task A_stream_that_stalls_at_the_deadline_does_not_make_the_clip_longer()
    {
        // The stream stops for 1.5 s after 1.7 s of frames: the recorder's last read returns
        // well past its 2 s. That frame used to be written as often as the wall clock said was
        // due: 90 frames, 3 s of video, in this test without the cap (81 in a test run on a busy machine).
        using var server = new MjpegStreamServer([300], fps: 30, width: 160, height: 120, paint: (index, frame) =>
        {
            if (index == 51) Thread.Sleep(1500);
            frame.SetTo(new Scalar(index % 256, 80, 160));
        });
        string output = Path.Combine(fixture.Directory, "stalled.mp4");
        var stderr = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["record", "--source", server.Url, "--out", output, "--duration-s", "2", "--headless"], new StringWriter(), stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.InRange(ReadBack(output).Frames, 1, 60);
    }

    [Fact]
    public async Task Record_fails_with_one_line_for_a_bad_source_or_output_name()
    {
        var stderr = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["record", "--source", Path.Combine(fixture.Directory, "none.mp4"), "--headless"], new StringWriter(), stderr);
        Assert.NotEqual(0, code);
        Assert.Single(stderr.ToString().Trim().Split('\n'));

        stderr = new StringWriter();
        code = await LiveWorkoutCli.InvokeAsync(["record", "--source", fixture.WriteClip("x.mp4", 1), "--out", "clip.avi", "--headless"], new StringWriter(), stderr);
        Assert.Equal(ExitCodes.BadConfiguration, code);
        Assert.Contains(".mp4", stderr.ToString(), StringComparison.Ordinal);
    }
}
