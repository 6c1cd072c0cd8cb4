using LiveWorkout.Core;
using LiveWorkout.Synthetic;
using OpenCvSharp;

namespace LiveWorkout.Synthetic.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void Same_seed_writes_byte_identical_image_datasets()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        var options = new ImageDatasetOptions(PerClass: 2, Seed: 11, Width: 80, Height: 60, Splits: null, ImagesPerGroup: 2);
        SyntheticImageDataset.Write(a.Path, options);
        SyntheticImageDataset.Write(b.Path, options);

        var files = Directory.GetFiles(a.Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(a.Path, f)).Order().ToList();
        Assert.Equal(ExerciseCatalog.Ten.Count * 2 + 1, files.Count); // the first ten and idle x 2 images + manifest
        foreach (string f in files)
            Assert.True(File.ReadAllBytes(System.IO.Path.Combine(a.Path, f)).AsSpan().SequenceEqual(File.ReadAllBytes(System.IO.Path.Combine(b.Path, f))), $"{f} differs");
    }

    [Fact]
    public void Same_seed_renders_identical_clip_frames_and_another_seed_does_not()
    {
        using var first = new SyntheticSession(seed: 5, 160, 120, durationSeconds: 30);
        using var again = new SyntheticSession(seed: 5, 160, 120, durationSeconds: 30);
        using var other = new SyntheticSession(seed: 6, 160, 120, durationSeconds: 30);
        using Mat x = new(), y = new(), z = new();
        foreach (int frame in new[] { 0, 137, 450, 899 })
        {
            first.Render(frame, x);
            again.Render(frame, y);
            other.Render(frame, z);
            Assert.True(Bytes(x).SequenceEqual(Bytes(y)), $"frame {frame} differs between runs with one seed");
            Assert.False(Bytes(x).SequenceEqual(Bytes(z)), $"frame {frame} is the same for two seeds");
        }
        Assert.Equal(first.Labels.ToCsv(), again.Labels.ToCsv());
    }

    private static byte[] Bytes(Mat m)
    {
        m.GetArray(out Vec3b[] pixels);
        return pixels.SelectMany(p => new[] { p.Item0, p.Item1, p.Item2 }).ToArray();
    }
}
