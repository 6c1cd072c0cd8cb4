using System.Globalization;

namespace LiveWorkout.Learning.Training;

/// <summary>
/// Progress of a run: a \r-updated bar while an epoch runs on a terminal, one plain line per
/// epoch otherwise (logs and CI stay readable).
/// </summary>
public sealed class TrainingProgress(TextWriter output, bool interactive)
{
    private long _lastDraw;

    public void Batch(int epoch, int epochs, int done, int total, double loss, double accuracy, double examplesPerSecond)
    {
        if (!interactive) return;
        long now = Environment.TickCount64;
        if (done < total && now - _lastDraw < 200) return;
        _lastDraw = now;
        const int width = 24;
        int filled = total == 0 ? width : done * width / total;
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"\repoch {epoch}/{epochs} [{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} loss {loss:0.000} acc {accuracy:0.000} {examplesPerSecond:0.0} ex/s   "));
    }

    public void Epoch(EpochRecord r, int epochs, string device, bool best)
    {
        if (interactive) output.Write('\r');
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"epoch {r.Epoch}/{epochs}: loss {r.TrainLoss:0.000}, train acc {r.TrainAccuracy:0.000}, val loss {r.ValidationLoss:0.000}, val acc {r.ValidationAccuracy:0.000}, lr {r.LearningRate:G3}, {r.ExamplesPerSecond:0.0} examples/sec on {device}, data wait {r.DataWaitShare:P0}{(best ? " *best" : "")}"));
    }

    public void Line(string text) => output.WriteLine(text);

    /// <summary>Seed 1's summary line: "loss 0.642, train acc 0.823, val acc 0.851, 1071.7 examples/sec on cpu".</summary>
    public static string Summary(EpochRecord r, string device) => string.Create(CultureInfo.InvariantCulture,
        $"loss {r.TrainLoss:0.000}, train acc {r.TrainAccuracy:0.000}, val acc {r.ValidationAccuracy:0.000}, {r.ExamplesPerSecond:0.0} examples/sec on {device}");
}
