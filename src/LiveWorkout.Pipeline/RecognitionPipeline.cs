using System.Globalization;
using LiveWorkout.Core.Temporal;
using LiveWorkout.Pipeline.Evaluation;
using LiveWorkout.Vision.Capture;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveWorkout.Pipeline;

/// <summary>
/// The recognition pipeline as a host holds it: settings for a run made from the bound options
/// (model, capture, session log, recordings, temporal logic), and runs and evaluations made from
/// settings. <see cref="PipelineServiceCollectionExtensions.AddRecognitionPipeline"/> registers it.
/// </summary>
public sealed class RecognitionPipeline(
    IOptions<ModelOptions> model, IOptions<CaptureOptions> capture, IOptions<SessionLogOptions> sessions,
    IOptions<RecordingOptions> recordings, IOptions<TemporalOptions> temporal, ILoggerFactory loggers)
{
    /// <summary>
    /// Settings for one run on <paramref name="source"/>: logged to the configured session log
    /// unless <paramref name="log"/> is false, and recorded to a new clip in the recordings folder
    /// when <paramref name="record"/> is true.
    /// </summary>
    public RecognitionSettings SettingsFor(string source, bool log = true, bool record = false)
    {
        var c = capture.Value;
        return new RecognitionSettings
        {
            Source = source,
            ModelPath = model.Value.Path,
            Device = model.Value.Device,
            UseTemporalHead = model.Value.TemporalHead,
            Temporal = temporal.Value,
            Capture = new CaptureRequest(c.Width, c.Height, c.Fps),
            ReconnectMax = TimeSpan.FromSeconds(c.ReconnectMaxSeconds),
            DatabasePath = log ? sessions.Value.ResolveDatabasePath() : null,
            RecordPath = record ? Path.Combine(recordings.Value.Folder, DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".mp4") : null,
        };
    }

    /// <summary>A run with these settings, logging as "pipeline".</summary>
    public RecognitionRun Run(RecognitionSettings settings) => new(settings, loggers.CreateLogger("pipeline"));

    /// <summary>The <c>bench pipeline</c> run on the configured model and device, logging as "bench".</summary>
    public PipelineBenchmark Benchmark(double replaySeconds, double liveSeconds, double memorySeconds) =>
        new(new PipelineBenchSettings(model.Value.Path, model.Value.Device, replaySeconds, liveSeconds, memorySeconds), loggers.CreateLogger("bench"));

    /// <summary>An evaluation of labelled clips, each run with <paramref name="template"/>, logging as "evaluation".</summary>
    public ReplayEvaluator Evaluator(RecognitionSettings template, TextWriter output, TextWriter error) =>
        new(template, loggers.CreateLogger("evaluation"), output, error);
}
