using LiveWorkout.Core;
using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Tests.Recognition;

public sealed class PredictionLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lw-predictions-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static PredictionRecord Record(bool phase) => new(
        ["idle", "squat", "plank"],
        TimeSpan.FromSeconds(2.5),
        Enumerable.Range(0, 5).Select(i => new FramePrediction(i, TimeSpan.FromSeconds(i / 30.0),
            [0.1f * i, 0.5f, 1 - 0.1f * i - 0.5f], [i, -i, 0.25f, float.Epsilon], phase ? [MathF.Cos(i), MathF.Sin(i)] : null)).ToList());

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_record_reads_back_exactly(bool phase)
    {
        string path = Path.Combine(_folder, "nested", PredictionLog.FileName("clip.mp4"));
        var written = Record(phase);

        PredictionLog.Write(path, written);
        var read = PredictionLog.Read(path);

        Assert.Equal("clip.predictions", Path.GetFileName(path));
        Assert.Equal(written.Classes, read.Classes);
        Assert.Equal(written.MediaDuration, read.MediaDuration);
        Assert.Equal(written.Predictions.Count, read.Predictions.Count);
        foreach (var (a, b) in written.Predictions.Zip(read.Predictions))
        {
            Assert.Equal((a.Index, a.Time), (b.Index, b.Time));
            Assert.Equal(a.Probabilities, b.Probabilities);
            Assert.Equal(a.Embedding, b.Embedding);
            Assert.Equal(a.RepPhase, b.RepPhase);
        }
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not-ours")]
    [InlineData("trailing")]
    [InlineData("missing")]
    public void A_file_it_cannot_read_is_one_line_naming_it(string kind)
    {
        string path = Path.Combine(_folder, kind + PredictionLog.Extension);
        PredictionLog.Write(path, Record(phase: true));
        var bytes = File.ReadAllBytes(path);
        switch (kind)
        {
            case "truncated": File.WriteAllBytes(path, bytes[..^3]); break;
            case "not-ours": File.WriteAllText(path, "time_s,label\n0.0,idle\n"); break;
            case "trailing": File.WriteAllBytes(path, [.. bytes, 0]); break;
            default: File.Delete(path); break;
        }

        var error = Assert.Throws<InvalidInputException>(() => PredictionLog.Read(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("--save-predictions", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Frames_of_different_shapes_are_refused_when_writing()
    {
        var record = Record(phase: true);
        var mixed = record with { Predictions = [.. record.Predictions, record.Predictions[0] with { RepPhase = null }] };

        Assert.Throws<ArgumentException>(() => PredictionLog.Write(Path.Combine(_folder, "mixed.predictions"), mixed));
    }
}
