using System.Diagnostics;
using System.Globalization;
using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Evaluation;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Core.Temporal;
using Microsoft.Extensions.Logging;

namespace LiveWorkout.Pipeline.Evaluation;

/// <summary>
/// Runs the real recognition pipeline (no session log) on each labelled clip and scores it
/// against its labels. A clip that cannot be evaluated (malformed labels, unreadable video) is
/// reported on one line and the others go on.
/// </summary>
public sealed class ReplayEvaluator(RecognitionSettings template, ILogger logger, TextWriter output, TextWriter error)
{
    /// <summary>Where to write each clip's <see cref="FrameTrace"/>; null writes none.</summary>
    public string? TraceFolder { get; set; }

    /// <summary>Where to save each clip's <see cref="PredictionLog"/>; null saves none.</summary>
    public string? SavePredictionsFolder { get; set; }

    /// <summary>
    /// Read each clip's frame predictions from this folder (saved by an earlier run) instead of
    /// running the model: the temporal logic and the scores only, with the template's
    /// <c>Temporal</c> settings. Null runs the whole pipeline.
    /// </summary>
    public string? FromPredictionsFolder { get; set; }

    /// <summary>
    /// With <see cref="FromPredictionsFolder"/>: classify each clip's saved frames again (a landmark
    /// model's heads on the saved landmark features) before the temporal logic. Gets the record and
    /// the file it came from.
    /// </summary>
    public Func<PredictionRecord, string, PredictionRecord>? Reclassify { get; set; }

    /// <summary>The model's classes: saved predictions must have been made with them (unless <see cref="Reclassify"/> classifies them again).</summary>
    public IReadOnlyList<string>? Classes { get; set; }

    public async Task<ReplayEvaluation> RunAsync(ClipSearch search, CancellationToken cancellation)
    {
        var scores = new List<RecognitionScore>();
        var timelines = new List<ClipTimeline>();
        var failed = new List<ClipIssue>();
        for (int i = 0; i < search.Clips.Count; i++)
        {
            var clip = search.Clips[i];
            try
            {
                var (score, timeline) = await EvaluateAsync(clip, cancellation).ConfigureAwait(false);
                scores.Add(score);
                timelines.Add(timeline);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{i + 1}/{search.Clips.Count}] {clip.Name}: {score.Frames.Frames} frames, {Sessions.DisplayFormat.Count(timeline.Predicted.Count, "set")} recognised / {timeline.Truth.Count} labelled, {score.Sets.TruePositives} matched, frame accuracy {score.Frames.Accuracy:0.000}"));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                string message = OneLine(e.Message);
                string reason = message.Contains(clip.VideoPath, StringComparison.Ordinal) || (clip.LabelsPath is { } l && message.Contains(l, StringComparison.Ordinal))
                    ? message : $"{clip.VideoPath}: {message}";
                error.WriteLine($"error: {reason}");
                failed.Add(new ClipIssue(clip.Name, reason));
            }
        }
        var report = new EvaluationReport(scores)
        {
            Model = template.ModelPath,
            Skipped = search.Skipped,
            Failed = failed,
            UnknownClasses = search.UnknownClasses,
        };
        return new ReplayEvaluation(report, timelines);
    }

    private async Task<(RecognitionScore, ClipTimeline)> EvaluateAsync(LabelledClip clip, CancellationToken cancellation)
    {
        // Labels first: a malformed file fails fast, before the video is decoded.
        var labels = clip.LoadLabels();
        var result = FromPredictionsFolder is { } saved
            ? Retrack(Path.Combine(saved, PredictionLog.FileName(clip.Name)))
            : await new RecognitionRun(template with
            {
                Source = clip.VideoPath, DatabasePath = null, RecordPath = null, KeepPredictions = true, KeepEmbeddings = SavePredictionsFolder is not null,
            }, logger).RunAsync(cancellation).ConfigureAwait(false);
        if (result.FramesClassified == 0)
            throw new SourceUnavailableException($"{clip.VideoPath}: no frame could be read; check that it plays in a video player");

        var truth = labels ?? clip.WholeClip(result.MediaDuration);
        if (TraceFolder is { } folder) FrameTrace.Write(Path.Combine(folder, FrameTrace.FileName(clip.Name)), result.Predictions, result.Classes, truth);
        if (SavePredictionsFolder is { } save)
            PredictionLog.Write(Path.Combine(save, PredictionLog.FileName(clip.Name)), new PredictionRecord(result.Classes, result.MediaDuration, result.Predictions));
        var frames = PredictedFrame.FromSets(result.Predictions.Select(p => p.Time), result.Sets);
        var score = RecognitionScore.ForClip(clip.Name, frames, result.Sets, truth, result.Classes,
            RawTopOne(result, truth),
            new ThroughputMetrics(result.FramesClassified, result.MediaDuration.TotalSeconds, result.WallTime.TotalSeconds));
        return (score, new ClipTimeline(clip.Name, result.MediaDuration, truth.Sets, result.Sets));
    }

    /// <summary>
    /// A clip's saved frame predictions through the temporal logic alone (the same
    /// <see cref="SessionTracker"/> the pipeline runs): what the run would give with today's settings.
    /// </summary>
    private RecognitionResult Retrack(string path)
    {
        var record = PredictionLog.Read(path);
        if (Reclassify is { } reclassify) record = reclassify(record, path);
        else if (PredictionLog.IsLandmarksOnly(record))
            throw new InvalidInputException($"{path} holds landmarks without a model's predictions (synth clips --exact-landmarks): add --reclassify and a landmark model with --model");
        else if (Classes is { } classes && !classes.SequenceEqual(record.Classes, StringComparer.Ordinal))
            throw new InvalidInputException($"{path} was saved with a model of other classes ({string.Join(", ", record.Classes)}); pass that model with --model, or save the predictions again");
        var clock = Stopwatch.StartNew();
        var events = new SessionTracker(record.Classes, template.Temporal).PushAll(record.Predictions);
        clock.Stop();
        var sets = events.OfType<SetEnded>().Select(e => e.Set).ToList();
        return new RecognitionResult(null, events, sets, record.Predictions, record.Classes, record.Predictions.Count, 0, 0,
            record.MediaDuration, clock.Elapsed, [], [], "none (saved predictions)");
    }

    /// <summary>The classifier's own top-1 class per frame against the labels, before smoothing and segmentation.</summary>
    private static ClassifierMetrics RawTopOne(RecognitionResult result, ClipAnnotation truth)
    {
        long correct = 0;
        var tally = new int[result.Classes.Count];
        foreach (FramePrediction p in result.Predictions)
        {
            tally[p.TopClass]++;
            if (string.Equals(result.Classes[p.TopClass], truth.LabelAt(p.Time), StringComparison.Ordinal)) correct++;
        }
        string? mostCommon = result.Predictions.Count == 0 ? null : result.Classes[Array.IndexOf(tally, tally.Max())];
        return new ClassifierMetrics(result.Predictions.Count, correct, mostCommon);
    }

    private static string OneLine(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
