using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>
/// Applies <see cref="EffectSettings"/> to frames. Noise comes from two pre-made tiles (positive and
/// negative deviations, from the scene's random stream) shifted by a random offset per frame, so a
/// frame costs two saturating adds instead of drawing fresh noise.
/// </summary>
public sealed class FrameEffects : IDisposable
{
    private const int Slack = 16;
    private readonly EffectSettings _settings;
    private readonly Mat? _plus, _minus;
    private readonly int[] _jpegParams;

    public FrameEffects(EffectSettings settings, int width, int height, Random rng)
    {
        _settings = settings;
        _jpegParams = [(int)ImwriteFlags.JpegQuality, settings.JpegQuality];
        if (settings.NoiseSigma <= 0) return;
        int n = (width + Slack) * (height + Slack) * 3;
        var a = new byte[n];
        var b = new byte[n];
        rng.NextBytes(a);
        rng.NextBytes(b);
        var plus = new byte[n];
        var minus = new byte[n];
        // Sum of two uniforms: a triangular distribution close enough to Gaussian sensor noise.
        double scale = settings.NoiseSigma * Math.Sqrt(6) / 255;
        for (int i = 0; i < n; i++)
        {
            double v = (a[i] + b[i] - 255) * scale;
            if (v >= 0) plus[i] = (byte)Math.Min(255, v); else minus[i] = (byte)Math.Min(255, -v);
        }
        _plus = Mat.FromPixelData(height + Slack, width + Slack, MatType.CV_8UC3, plus).Clone();
        _minus = Mat.FromPixelData(height + Slack, width + Slack, MatType.CV_8UC3, minus).Clone();
    }

    public void Apply(Mat frame, Random rng)
    {
        switch (_settings.Blur)
        {
            case BlurKind.MotionHorizontal: Cv2.Blur(frame, frame, new Size(_settings.BlurSize, 1)); break;
            case BlurKind.MotionVertical: Cv2.Blur(frame, frame, new Size(1, _settings.BlurSize)); break;
            case BlurKind.Defocus: Cv2.GaussianBlur(frame, frame, new Size(_settings.BlurSize, _settings.BlurSize), 0); break;
        }
        if (_plus is not null && _minus is not null)
        {
            var roi = new Rect(rng.Next(Slack), rng.Next(Slack), frame.Width, frame.Height);
            using var plus = new Mat(_plus, roi);
            using var minus = new Mat(_minus, roi);
            Cv2.Add(frame, plus, frame);
            Cv2.Subtract(frame, minus, frame);
        }
        if (_settings.JpegQuality > 0)
        {
            Cv2.ImEncode(".jpg", frame, out byte[] jpeg, _jpegParams);
            using var decoded = Cv2.ImDecode(jpeg, ImreadModes.Color);
            decoded.CopyTo(frame);
        }
    }

    public void Dispose()
    {
        _plus?.Dispose();
        _minus?.Dispose();
    }
}
