using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OpenCvSharp;

namespace LiveWorkout.Vision.Capture.Loopback;

/// <summary>
/// A real MJPEG-over-HTTP stream on 127.0.0.1 (multipart/x-mixed-replace, as IP cameras and
/// phone camera apps serve), paced in real time. Each connection gets the next entry of
/// <c>framesPerConnection</c> frames and is then closed; after the last entry the listener stops,
/// so a client sees drops and, finally, a source that is gone. Tests and <c>bench pipeline</c>
/// stream through it; <c>paint</c> draws frame N (default: a numbered colour card).
/// </summary>
public sealed class MjpegStreamServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly Action<long, Mat> _paint;
    private long _sent;

    public MjpegStreamServer(int[] framesPerConnection, double fps = 30, int width = 160, int height = 120, Action<long, Mat>? paint = null)
    {
        _paint = paint ?? PaintCard;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/stream.mjpg";
        _serving = Task.Run(() => Serve(framesPerConnection, fps, width, height));
    }

    public string Url { get; }
    public long FramesSent => Interlocked.Read(ref _sent);

    private static void PaintCard(long index, Mat frame)
    {
        frame.SetTo(new Scalar(index * 7 % 255, 80, 160));
        Cv2.PutText(frame, index.ToString(CultureInfo.InvariantCulture), new Point(10, 60), HersheyFonts.HersheySimplex, 1, Scalar.White, 2);
    }

    private async Task Serve(int[] framesPerConnection, double fps, int width, int height)
    {
        try
        {
            foreach (int count in framesPerConnection)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                var stream = client.GetStream();
                await using (stream.ConfigureAwait(false))
                {
                    await ReadRequest(stream).ConfigureAwait(false);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(
                        "HTTP/1.0 200 OK\r\nContent-Type: multipart/x-mixed-replace; boundary=frame\r\nCache-Control: no-cache\r\n\r\n"), _stop.Token).ConfigureAwait(false);
                    var clock = Stopwatch.StartNew();
                    using var frame = new Mat(height, width, MatType.CV_8UC3);
                    for (int i = 0; i < count && !_stop.IsCancellationRequested; i++)
                    {
                        _paint(FramesSent, frame);
                        byte[] jpeg = frame.ImEncode(".jpg");
                        string header = $"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n";
                        try
                        {
                            await stream.WriteAsync(Encoding.ASCII.GetBytes(header), _stop.Token).ConfigureAwait(false);
                            await stream.WriteAsync(jpeg, _stop.Token).ConfigureAwait(false);
                            await stream.WriteAsync("\r\n"u8.ToArray(), _stop.Token).ConfigureAwait(false);
                        }
                        catch (IOException) { break; }
                        Interlocked.Increment(ref _sent);
                        TimeSpan due = TimeSpan.FromSeconds((i + 1) / fps) - clock.Elapsed;
                        if (due > TimeSpan.Zero) await Task.Delay(due, _stop.Token).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
        catch (SocketException) { }
        finally { _listener.Stop(); }
    }

    private static async Task ReadRequest(NetworkStream stream)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int n = await stream.ReadAsync(buffer).ConfigureAwait(false);
            if (n == 0) return;
            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _serving.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
