using System.Globalization;
using System.Text;
using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Pipeline.Evaluation;

/// <summary>
/// `replay --evaluate --trace DIR`: one CSV per clip with what the classifier said about every
/// frame beside what the labels say, to see why a set was found late, cut short or missed.
/// Columns: time_s, label (the labelled class), top (the classifier's top class), one
/// probability column per class, and phase_cos, phase_sin (the rep-phase head's output; empty
/// when the model has none).
/// </summary>
public static class FrameTrace
{
    public static string FileName(string clipName) => Path.GetFileNameWithoutExtension(clipName) + ".frames.csv";

    public static void Write(string path, IReadOnlyList<FramePrediction> predictions, IReadOnlyList<string> classes, ClipAnnotation truth)
    {
        var text = new StringBuilder();
        text.AppendLine($"time_s,label,top,{string.Join(',', classes)},phase_cos,phase_sin");
        foreach (var p in predictions)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Time.TotalSeconds:0.000},{truth.LabelAt(p.Time)},{classes[p.TopClass]}");
            foreach (float probability in p.Probabilities) text.Append(CultureInfo.InvariantCulture, $",{probability:0.0000}");
            if (p.RepPhase is [var cos, var sin]) text.Append(CultureInfo.InvariantCulture, $",{cos:0.000},{sin:0.000}");
            else text.Append(",,");
            text.AppendLine();
        }
        OutputFile.WriteAllText(path, text.ToString());
    }
}
