using System.Globalization;
using LiveWorkout.Cli;
using LiveWorkout.Core;
using LiveWorkout.Core.Evaluation;
using LiveWorkout.Pipeline.Evaluation;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Native;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Pipeline;
using LiveWorkout.Sessions.Reports;

namespace LiveWorkout.Commands;

/// <summary>
/// `liveworkout replay CLIP|FOLDER --evaluate`: the real pipeline on labelled clips, scored; a
/// console table, optional JSON and a self-contained HTML report. Exit code 1 when any clip failed.
/// </summary>
public sealed class ReplayEvaluate(ReplayEvaluateRequest request, CommandContext context, RecognitionPipeline pipeline)
{
    public const string ReportFileName = "evaluation.html";
    public const string ReportJsonName = "evaluation.json";

    public async Task<int> RunAsync(RecognitionSettings template, CancellationToken cancellation)
    {
        // Load the model once up front: a bad package is one error, not one per clip, and whole-clip labels need its classes.
        // With --reclassify the package stays loaded: its heads classify every clip's saved features.
        using var package = ModelPackage.Load(template.ModelPath);
        IReadOnlyList<string> classes = package.Classes;
        var reclassifier = request.Reclassify ? new LandmarkReclassifier(package, TorchRuntime.SelectDevice(template.Device)) : null;

        var search = LabelledClipFinder.Find(request.Input, request.WholeClipLabels, classes);
        foreach (var skipped in search.WithoutLabels)
            context.Error.WriteLine($"warning: skipped {skipped.Clip}: {skipped.Reason}");
        if (search.OfUnknownClass.Count > 0)
            context.Error.WriteLine($"warning: skipped {search.OfUnknownClass.Count} clips of classes the model does not know: " +
                                    string.Join(", ", search.UnknownClasses.Select(kv => $"{kv.Key} ({kv.Value})")));
        if (search.Clips.Count == 0)
            throw new InvalidInputException($"no labelled clips to evaluate in {request.Input}: each video needs <clip>.labels.csv beside it, or pass --whole-clip-labels for one folder per class");

        var evaluator = pipeline.Evaluator(template, context.Output, context.Error);
        evaluator.TraceFolder = request.TraceFolder;
        evaluator.SavePredictionsFolder = request.SavePredictionsFolder;
        evaluator.FromPredictionsFolder = request.FromPredictionsFolder;
        evaluator.Classes = classes;
        if (reclassifier is not null) evaluator.Reclassify = reclassifier.Reclassify;
        var evaluation = await evaluator.RunAsync(search, cancellation).ConfigureAwait(false);
        var report = evaluation.Report;

        if (report.Clips.Count > 0)
        {
            context.Output.WriteLine();
            context.Output.Write(EvaluationTable.Format(report));
        }
        string json = report.ToJson();
        if (request.JsonFile is { } jsonFile)
        {
            OutputFile.WriteAllText(jsonFile, json);
            context.Output.WriteLine($"wrote {jsonFile}");
        }
        if (request.ReportFolder is { } folder)
        {
            string meta = string.Create(CultureInfo.InvariantCulture,
                $"{request.Input} · model {template.ModelPath} · {report.Clips.Count} clips evaluated, {report.Skipped.Count} skipped, {report.Failed.Count} failed · {DateTime.Now:yyyy-MM-dd HH:mm}");
            OutputFile.WriteAllText(Path.Combine(folder, ReportFileName), EvaluationHtmlReport.Render(report, evaluation.Timelines, "LiveWorkout evaluation", meta));
            OutputFile.WriteAllText(Path.Combine(folder, ReportJsonName), json);
            context.Output.WriteLine($"wrote {Path.Combine(folder, ReportFileName)} and {ReportJsonName}");
        }
        if (report.Failed.Count > 0)
        {
            // One clip: its own error line says it all.
            if (search.Clips.Count > 1) context.Error.WriteLine($"error: {report.Failed.Count} of {search.Clips.Count} clips could not be evaluated (see the lines above)");
            return ExitCodes.Failed;
        }
        return ExitCodes.Ok;
    }
}
