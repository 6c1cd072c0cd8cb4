using System.Globalization;

namespace LiveWorkout.Learning.Training;

/// <summary>The console lines of head training, one header and one line per epoch, shared by every command that trains heads.</summary>
public static class HeadProgress
{
    public static string Header { get; } = $"{"epoch",5} {"lr",9} {"loss",7} {"train acc",9} {"val acc",8} {"s",5}";

    public static string PhaseHeader { get; } = $"{"epoch",5} {"lr",9} {"loss",7} {"val error",9} {"s",5}";

    public static string Line(HeadEpoch e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.Epoch,5} {e.LearningRate,9:0.00000} {e.TrainLoss,7:0.000} {e.TrainAccuracy,9:0.000} {e.ValidationAccuracy,8:0.000} {e.Seconds,5:0.0}");

    public static string Line(PhaseEpoch e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.Epoch,5} {e.LearningRate,9:0.00000} {e.TrainLoss,7:0.000} {e.ValidationErrorDegrees,8:0.0}° {e.Seconds,5:0.0}");
}
