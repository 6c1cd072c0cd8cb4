using System.Globalization;

namespace LiveWorkout.Learning.Training;

/// <summary>One line of history.csv: how an epoch went.</summary>
public sealed record EpochRecord(
    int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy,
    double ExamplesPerSecond, double DataWaitShare, double Seconds)
{
    public const string CsvHeader = "epoch,lr,train_loss,train_acc,val_loss,val_acc,examples_per_sec,data_wait_share,seconds";

    public string ToCsv() => string.Create(CultureInfo.InvariantCulture,
        $"{Epoch},{LearningRate:G6},{TrainLoss:0.#####},{TrainAccuracy:0.#####},{ValidationLoss:0.#####},{ValidationAccuracy:0.#####},{ExamplesPerSecond:0.0},{DataWaitShare:0.####},{Seconds:0.###}");

    public static void WriteCsv(string path, IEnumerable<EpochRecord> history) =>
        File.WriteAllLines(path, new[] { CsvHeader }.Concat(history.Select(h => h.ToCsv())));
}
