using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Learning.Packaging;
using OpenCvSharp;
using TorchSharp;
using Scalar = OpenCvSharp.Scalar;

namespace LiveWorkout.Tests.Pipeline;

/// <summary>
/// A real (untrained, seeded) model package and real clips in a temporary folder: enough to
/// exercise the pipeline's plumbing; recognition quality is measured with the trained default
/// model elsewhere.
/// </summary>
public sealed class PipelineFixture : IDisposable
{
    public PipelineFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("lw-pipeline-").FullName;
        ModelPath = Path.Combine(Directory, "model");
        using var package = ModelPackage.Create("kimcnn", ExerciseCatalog.Ten, new InputSpec(100, 100, ColorMode.Rgb, [0f, 0f, 0f], [1f, 1f, 1f]));
        SeededWeights.Redraw(package.Network, seed: 3);
        package.Save(ModelPath);
    }

    public string Directory { get; }
    public string ModelPath { get; }

    /// <summary>An mp4 of a bouncing disc: <paramref name="seconds"/> long at <paramref name="fps"/>.</summary>
    public string WriteClip(string name, double seconds, double fps = 30, int width = 160, int height = 120)
    {
        string path = Path.Combine(Directory, name);
        using var writer = new VideoWriter(path, FourCC.FromFourChars('m', 'p', '4', 'v'), fps, new Size(width, height));
        using var frame = new Mat(height, width, MatType.CV_8UC3);
        int frames = (int)Math.Round(seconds * fps);
        for (int i = 0; i < frames; i++)
        {
            frame.SetTo(new Scalar(40, 90, 140));
            int y = (int)(height / 2 + height / 3 * Math.Sin(i * 2 * Math.PI / fps));
            Cv2.Circle(frame, new Point(width / 2, y), height / 8, Scalar.White, -1);
            writer.Write(frame);
        }
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
