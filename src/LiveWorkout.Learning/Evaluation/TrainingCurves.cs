using LiveWorkout.Learning.Training;

namespace LiveWorkout.Learning.Evaluation;

/// <summary>Seed 2's appendix figures: training (dots) and validation (line) accuracy, and the same for loss.</summary>
public static class TrainingCurves
{
    public static void Write(string folder, IReadOnlyList<EpochRecord> history)
    {
        if (history.Count == 0) return;
        double[] epochs = history.Select(h => (double)h.Epoch).ToArray();
        Plot(Path.Combine(folder, "accuracy.png"), "Training and validation accuracy", "accuracy", epochs,
            history.Select(h => h.TrainAccuracy).ToArray(), history.Select(h => h.ValidationAccuracy).ToArray(), "Training acc", "Validation acc");
        Plot(Path.Combine(folder, "loss.png"), "Training and validation loss", "loss", epochs,
            history.Select(h => h.TrainLoss).ToArray(), history.Select(h => h.ValidationLoss).ToArray(), "Training loss", "Validation loss");
    }

    private static void Plot(string path, string title, string yLabel, double[] x, double[] train, double[] validation, string trainLabel, string validationLabel)
    {
        var plot = new ScottPlot.Plot();
        var t = plot.Add.Scatter(x, train);
        t.LineWidth = 0;
        t.MarkerSize = 7;
        t.LegendText = trainLabel;
        var v = plot.Add.Scatter(x, validation);
        v.MarkerSize = 0;
        v.LineWidth = 2;
        v.LegendText = validationLabel;
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.ShowLegend();
        plot.SavePng(path, 720, 480);
    }
}
