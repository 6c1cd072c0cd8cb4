#:project ../src/LiveWorkout.Learning/LiveWorkout.Learning.csproj
#:property PublishAot=false
// Rep counting on perfectly segmented clips: feeds the CNN embeddings that `train-head --cache`
// stored for labelled clips through the real session tracker, with every frame's probabilities
// set to its true label, so every miscount is the rep counter's own. Prints, per exercise, how
// many labelled sets were counted exactly, within one rep, off by two or more, or not found
// (a set with no rep counted is dropped, see Temporal:MinRepsPerSet). When MODEL has a phase
// head, its rep phase goes with each frame as in replay (--no-phase leaves it out).
//
//   dotnet run -c Release scripts/rep-study.cs -- CACHE MODEL [Key=value ...] [period:EXERCISE=MIN:MAX ...] [--only=EXERCISE] [--clips=TEXT] [--limit=N] [--no-phase] [--verbose]
//
// CACHE: a --cache folder of train-head (its .emb files name their clips, whose labels must
// still be beside them); MODEL: the package whose classes the embeddings have; Key=value sets a
// Temporal option (e.g. RepMinCorrelation=0.4); --clips=TEXT keeps the clips whose path holds TEXT
// (e.g. a folder the phase head was not trained on).
using System.Globalization;
using System.Text.Json;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Core.Temporal;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Learning.Training;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: rep-study CACHE MODEL [Key=value ...] [period:EXERCISE=MIN:MAX ...] [--only=EXERCISE] [--clips=TEXT] [--limit=N] [--no-phase] [--verbose]");
    return 2;
}
var manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(Path.Combine(args[1], ModelPackage.ManifestFile)), ModelManifest.Json)!;
string[] classes = [.. manifest.Classes];
var options = new TemporalOptions();
bool verbose = false;
int limit = int.MaxValue;
string? only = null, clipFilter = null;
bool usePhase = true;
foreach (var a in args.Skip(2))
{
    if (a == "--verbose") verbose = true;
    else if (a == "--no-phase") usePhase = false;
    else if (a.StartsWith("--clips=", StringComparison.Ordinal)) clipFilter = a[8..];
    else if (a.StartsWith("--limit=", StringComparison.Ordinal)) limit = int.Parse(a[8..], CultureInfo.InvariantCulture);
    else if (a.StartsWith("--only=", StringComparison.Ordinal)) only = a[7..];
    else if (a.StartsWith("period:", StringComparison.Ordinal))
    {
        var (name, bounds) = (a[7..a.IndexOf('=')], a[(a.IndexOf('=') + 1)..].Split(':'));
        options.RepPeriods[name] = new RepPeriodBounds { MinSeconds = double.Parse(bounds[0], CultureInfo.InvariantCulture), MaxSeconds = double.Parse(bounds[1], CultureInfo.InvariantCulture) };
    }
    else
    {
        var property = typeof(TemporalOptions).GetProperty(a[..a.IndexOf('=')]) ?? throw new ArgumentException($"no Temporal option in '{a}'");
        property.SetValue(options, Convert.ChangeType(a[(a.IndexOf('=') + 1)..], property.PropertyType, CultureInfo.InvariantCulture));
    }
}

using var package = ModelPackage.Load(args[1]);
var phaseHead = usePhase ? package.PhaseHead : null;
Console.WriteLine(phaseHead is null ? "reps from the embedding" : "reps from the embedding and the phase head's rep phase");

// The phase head's (cos, sin) for every frame of a series, from the same windows replay gives it.
float[][] Phases(ClipEmbeddingSeries series)
{
    var spec = phaseHead!.Spec;
    int e = series.EmbeddingSize;
    var windows = new float[series.Count * spec.Steps * e];
    var indices = new int[spec.Steps];
    for (int i = 0; i < series.Count; i++)
    {
        TemporalWindow.ForFrame(series.Times, i, spec, indices);
        for (int k = 0; k < spec.Steps; k++)
            series.Embeddings.AsSpan(indices[k] * e, e).CopyTo(windows.AsSpan((i * spec.Steps + k) * e, e));
    }
    using var scope = TorchSharp.torch.NewDisposeScope();
    using var mode = TorchSharp.torch.inference_mode();
    var output = phaseHead.call(TorchSharp.torch.tensor(windows, [series.Count, spec.Steps, e])).data<float>().ToArray();
    return Enumerable.Range(0, series.Count).Select(i => output.AsSpan(2 * i, 2).ToArray()).ToArray();
}

var errors = new SortedDictionary<string, List<int?>>(StringComparer.Ordinal);
int clips = 0;
foreach (var file in Directory.GetFiles(args[0], "*.emb").Order(StringComparer.Ordinal).Take(limit))
{
    if (ClipEmbeddings.ReadCacheFile(file) is not { } series)
    {
        Console.Error.WriteLine($"{file}: not an embedding cache file, left out");
        continue;
    }
    string clip = series.Clip;
    if (clipFilter is not null && !clip.Contains(clipFilter, StringComparison.Ordinal)) continue;
    var phases = phaseHead is null ? null : Phases(series);
    var labels = ClipAnnotation.Load(ClipAnnotation.PathFor(clip));
    if (only is not null && !labels.Sets.Any(s => s.Exercise == only)) continue;
    var tracker = new SessionTracker(classes, options);
    var found = new List<RecognizedSet>();
    void Take(IEnumerable<SessionEvent> events) => found.AddRange(events.OfType<SetEnded>().Select(e => e.Set));
    int width = series.EmbeddingSize;
    for (int i = 0; i < series.Count; i++)
    {
        var time = TimeSpan.FromSeconds(series.Times[i]);
        var probabilities = new float[classes.Length];
        Array.Fill(probabilities, 0.01f);
        probabilities[Array.IndexOf(classes, labels.LabelAt(time))] = 0.9f;
        Take(tracker.Push(new FramePrediction(i, time, probabilities, series.Embeddings.AsSpan(i * width, width).ToArray(), phases?[i])));
    }
    Take(tracker.Complete());
    clips++;
    foreach (var set in labels.Sets.Where(s => s.Reps > 0 && (only is null || s.Exercise == only)))
    {
        var match = found.Where(f => f.Exercise == set.Exercise && f.Start < set.End && f.End > set.Start)
            .MaxBy(f => (f.End < set.End ? f.End : set.End) - (f.Start > set.Start ? f.Start : set.Start));
        int? error = match is null ? null : match.Reps - set.Reps;
        if (!errors.TryGetValue(set.Exercise, out var list)) errors[set.Exercise] = list = [];
        list.Add(error);
        if (verbose && (error is null || Math.Abs(error.Value) >= 2))
            Console.WriteLine(FormattableString.Invariant($"{clip} {set.Exercise} {set.Start.TotalSeconds:0.0}-{set.End.TotalSeconds:0.0} s: {set.Reps} reps, counted {(match is null ? "none" : match.Reps)}"));
    }
}

Console.WriteLine($"{clips} clips");
Console.WriteLine("exercise         sets  exact  within 1  off 2+  not found  mean error");
int total = 0, withinOne = 0;
foreach (var (exercise, list) in errors)
{
    var counted = list.OfType<int>().ToList();
    int near = counted.Count(e => Math.Abs(e) <= 1);
    total += list.Count;
    withinOne += near;
    Console.WriteLine(FormattableString.Invariant($"{exercise,-15} {list.Count,5} {counted.Count(e => e == 0),6} {near,9} {counted.Count(e => Math.Abs(e) >= 2),7} {list.Count - counted.Count,10} {(counted.Count > 0 ? counted.Average() : 0),11:+0.00;-0.00}"));
}
Console.WriteLine(FormattableString.Invariant($"within one rep: {withinOne} of {total} sets ({(double)withinOne / Math.Max(1, total):0.000})"));
return 0;
