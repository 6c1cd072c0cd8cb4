using System.Net;
using System.Net.Sockets;
using System.Text;
using OpenCvSharp;

namespace LiveWorkout.Vision.Tests.Capture;

/// <summary>
/// A real MJPEG-over-HTTP stream on 127.0.0.1 (multipart/x-mixed-replace, as IP cameras and
/// phone camera apps serve), paced in real time. Each connection gets the next entry of
/// <c>framesPerConnection</c> frames and is then closed; after the last entry the listener stops,
/// so a client sees drops and, finally, a source that is gone.
/// </summary>
public sealed class MjpegServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public MjpegServer(int[] framesPerConnection, double fps = 30, int width = 160, int height = 120)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/stream.mjpg";
        _serving = Task.Run(() => Serve(framesPerConnection, fps, width, height));
    }

    public string Url { get; }
    public int FramesSent { get; private set; }

    private async Task Serve(int[] framesPerConnection, double fps, int width, int height)
    {
        try
        {
            foreach (int count in framesPerConnection)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await using var stream = client.GetStream();
                await ReadRequest(stream);
                await stream.WriteAsync(Encoding.ASCII.GetBytes(
                    "HTTP/1.0 200 OK\r\nContent-Type: multipart/x-mixed-replace; boundary=frame\r\nCache-Control: no-cache\r\n\r\n"), _stop.Token);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                using var frame = new Mat(height, width, MatType.CV_8UC3);
                for (int i = 0; i < count && !_stop.IsCancellationRequested; i++)
                {
                    frame.SetTo(new Scalar(i * 7 % 255, 80, 160));
                    Cv2.PutText(frame, FramesSent.ToString(System.Globalization.CultureInfo.InvariantCulture), new Point(10, 60), HersheyFonts.HersheySimplex, 1, Scalar.White, 2);
                    byte[] jpeg = frame.ImEncode(".jpg");
                    string header = $"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n";
                    try
                    {
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(header), _stop.Token);
                        await stream.WriteAsync(jpeg, _stop.Token);
                        await stream.WriteAsync("\r\n"u8.ToArray(), _stop.Token);
                    }
                    catch (IOException) { break; }
                    FramesSent++;
                    TimeSpan due = TimeSpan.FromSeconds((i + 1) / fps) - clock.Elapsed;
                    if (due > TimeSpan.Zero) await Task.Delay(due, _stop.Token);
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
        finally { _listener.Stop(); }
    }

    private static async Task ReadRequest(NetworkStream stream)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int n = await stream.ReadAsync(buffer);
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
