using System.Runtime.InteropServices;
using System.Text.Json;
using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Packaging;

/// <summary>
/// A trained classifier on disk: a folder with model.dat (TorchSharp weights) and model.json
/// (<see cref="ModelManifest"/>). Loading checks every part against the others and fails with
/// one line saying what is wrong. Owns its network (on the CPU unless moved) and, when the
/// package has one, its temporal head (temporal.dat, see <see cref="ModelManifest.TemporalHead"/>)
/// and phase head (phase.dat, see <see cref="ModelManifest.PhaseHead"/>).
/// </summary>
public sealed class ModelPackage : IDisposable
{
    public const string WeightsFile = "model.dat";
    public const string ManifestFile = "model.json";
    public const string TemporalHeadFile = "temporal.dat";
    public const string PhaseHeadFile = "phase.dat";

    /// <summary>Outputs of a phase head: cos and sin of the rep phase.</summary>
    public const int PhaseOutputs = 2;

    private readonly Module<Tensor, Tensor>? _network;

    private ModelPackage(ModelManifest manifest, Module<Tensor, Tensor>? network, TemporalHead? head = null, TemporalHead? phaseHead = null, string? folder = null, ModelPackage? more = null)
    {
        Manifest = manifest;
        _network = network;
        Head = head;
        PhaseHead = phaseHead;
        Folder = folder;
        More = more;
        if (more is not null) _combinedClasses = CombinedClasses(manifest.Classes, more.Classes);
    }

    private readonly string[]? _combinedClasses;

    public ModelManifest Manifest { get; private set; }

    /// <summary>The folder the package was loaded from (null for one made in memory); pose model paths resolve against it.</summary>
    public string? Folder { get; }

    /// <summary>Whether the package reads body landmarks (no CNN) rather than pixels.</summary>
    public bool IsLandmarks => Manifest.FrontEnd == FrontEnd.Landmarks;

    /// <summary>The CNN; a landmark package has none, and asking for it is a one-line error.</summary>
    public Module<Tensor, Tensor> Network => _network
        ?? throw new InvalidInputException($"model package '{Folder}' is a landmark model: it has no CNN to train or evaluate on images; use a pixel model (e.g. models/pixels)");

    /// <summary>The temporal head that classifies from the last seconds of embeddings, or null (frames are classified alone).</summary>
    public TemporalHead? Head { get; private set; }

    /// <summary>
    /// The head that estimates where in a rep a frame is, as (cos, sin) of the rep phase, from the
    /// temporal head's windows; null when reps are counted from the embedding alone.
    /// </summary>
    public TemporalHead? PhaseHead { get; private set; }

    /// <summary>
    /// The second landmark package whose exercises this one adds (<see cref="ModelManifest.MoreExercises"/>),
    /// or null. Owned by this package.
    /// </summary>
    public ModelPackage? More { get; }

    /// <summary>
    /// The classes a frame's result names: the package's own (<see cref="ModelManifest.Classes"/>,
    /// which its heads output), or with <see cref="More"/> its own exercises, then the second
    /// package's other exercises, then idle.
    /// </summary>
    public IReadOnlyList<string> Classes => _combinedClasses ?? Manifest.Classes;

    private static string[] CombinedClasses(IReadOnlyList<string> own, IReadOnlyList<string> more) =>
        [.. own.Where(c => c != ExerciseCatalog.Idle), .. more.Where(c => c != ExerciseCatalog.Idle && !own.Contains(c)), ExerciseCatalog.Idle];

    /// <summary>The pixel input spec; a landmark package has none, and asking for it is a one-line error.</summary>
    public InputSpec Input => Manifest.Input
        ?? throw new InvalidInputException($"model package '{Folder}' is a landmark model: it reads body landmarks, not pixels");
    public string Architecture => Manifest.Architecture;

    /// <summary>A new package around a freshly initialised network of <paramref name="architecture"/>.</summary>
    public static ModelPackage Create(string architecture, IReadOnlyList<string> classes, InputSpec input)
    {
        var arch = ModelZoo.Get(architecture);
        CheckClasses(classes);
        input.Validate();
        var network = ModelZoo.Create(arch.Name, classes.Count);
        try
        {
            CheckInputFits(arch.Name, network, input);
        }
        catch
        {
            network.Dispose();
            throw;
        }
        var manifest = new ModelManifest(ModelManifest.FormatVersionFor(null), arch.Name, classes.ToArray(), input,
            ((ExerciseNet)network).EmbeddingSize, null, new Dictionary<string, double>(), DateTimeOffset.UtcNow);
        return new ModelPackage(manifest, network);
    }

    /// <summary>
    /// A new landmark package: no CNN, the pose stage of <paramref name="pose"/>; its temporal head
    /// (and phase head) come with <see cref="AttachHead"/>.
    /// </summary>
    public static ModelPackage CreateLandmarks(IReadOnlyList<string> classes, PoseSpec pose, MoreExercisesSpec? more = null)
    {
        CheckClasses(classes);
        return new ModelPackage(LandmarksManifest(classes, pose, null, more), null);
    }

    private static ModelManifest LandmarksManifest(IReadOnlyList<string> classes, PoseSpec pose, TemporalHeadSpec? head, MoreExercisesSpec? more) =>
        new(ModelManifest.LandmarksFormatVersion, LandmarkArchitecture, classes.ToArray(), null, pose.Features, null,
            new Dictionary<string, double>(), DateTimeOffset.UtcNow, head, FrontEnd: FrontEnd.Landmarks, Pose: pose, MoreExercises: more);

    /// <summary>
    /// Refuses, with one line, a second package that a landmark package of <paramref name="classes"/>,
    /// <paramref name="pose"/> and <paramref name="head"/> about to be written to <paramref name="folder"/> could not add (see <see cref="MoreExercisesSpec"/>).
    /// </summary>
    public static void CheckMoreExercises(string folder, IReadOnlyList<string> classes, PoseSpec pose, TemporalHeadSpec head, MoreExercisesSpec more) =>
        LoadMore(folder, LandmarksManifest(classes, pose, head, more), "or check --more-exercises (a folder relative to --out)").Dispose();

    /// <summary>The architecture name of landmark packages: a temporal head over landmark features.</summary>
    public const string LandmarkArchitecture = "landmarks";

    /// <summary>Replaces the data summary and metrics written with the weights.</summary>
    public void Describe(TrainingDataSummary? data, IReadOnlyDictionary<string, double> metrics) =>
        Manifest = Manifest with { TrainingData = data, Metrics = new Dictionary<string, double>(metrics), CreatedAt = DateTimeOffset.UtcNow };

    /// <summary>
    /// Gives the package a temporal head and, optionally, a phase head on the same windows (the
    /// package owns them from now on), replacing any it had.
    /// </summary>
    public void AttachHead(TemporalHead head, IReadOnlyDictionary<string, double> metrics, TemporalHead? phaseHead = null)
    {
        if (phaseHead is not null) CheckSameWindows(head.Spec, phaseHead.Spec, "");
        if (Head != head) Head?.Dispose();
        if (PhaseHead != phaseHead) PhaseHead?.Dispose();
        Head = head;
        PhaseHead = phaseHead;
        var merged = new Dictionary<string, double>(Manifest.Metrics);
        foreach (var (k, v) in metrics) merged[k] = v;
        Manifest = Manifest with
        {
            TemporalHead = head.Spec, PhaseHead = phaseHead?.Spec, Metrics = merged, CreatedAt = DateTimeOffset.UtcNow,
            FormatVersion = IsLandmarks ? ModelManifest.LandmarksFormatVersion : ModelManifest.FormatVersionFor(head.Spec),
        };
    }

    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        // Write next to the final names and move, so a crash never leaves half a package.
        string weights = Path.Combine(folder, WeightsFile), manifest = Path.Combine(folder, ManifestFile);
        string temporal = Path.Combine(folder, TemporalHeadFile), phase = Path.Combine(folder, PhaseHeadFile);
        _network?.save(weights + ".tmp");
        Head?.save(temporal + ".tmp");
        PhaseHead?.save(phase + ".tmp");
        File.WriteAllText(manifest + ".tmp", JsonSerializer.Serialize(Manifest, ModelManifest.Json));
        if (_network is not null) File.Move(weights + ".tmp", weights, overwrite: true);
        else File.Delete(weights);
        if (Head is not null) File.Move(temporal + ".tmp", temporal, overwrite: true);
        else File.Delete(temporal);
        if (PhaseHead is not null) File.Move(phase + ".tmp", phase, overwrite: true);
        else File.Delete(phase);
        File.Move(manifest + ".tmp", manifest, overwrite: true);
    }

    /// <summary>Loads and checks a package folder; the network comes back on the CPU in eval mode.</summary>
    public static ModelPackage Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new ModelFileException($"model package '{folder}' not found: give a folder holding {ManifestFile} and {WeightsFile} (made by 'liveworkout train')");
        string manifestPath = Path.Combine(folder, ManifestFile), weightsPath = Path.Combine(folder, WeightsFile);
        if (!File.Exists(manifestPath)) throw new ModelFileException($"model package '{folder}' has no {ManifestFile}: it is not a model package, or it is incomplete; train again");

        var manifest = ReadManifest(manifestPath);
        if (manifest.FormatVersion > ModelManifest.CurrentFormatVersion)
            throw new ModelFileException($"model package '{folder}' has format version {manifest.FormatVersion}, newer than this build reads ({ModelManifest.CurrentFormatVersion}); update LiveWorkout");
        if (manifest.FormatVersion < 1) throw new ModelFileException($"model package '{folder}': {ManifestFile} has no valid formatVersion");
        if (manifest.Classes is null) throw new ModelFileException($"model package '{folder}': {ManifestFile} lists no classes");
        CheckClasses(manifest.Classes, folder);
        if (manifest.FrontEnd == FrontEnd.Landmarks) return LoadLandmarks(folder, manifest);

        if (!File.Exists(weightsPath)) throw new ModelFileException($"model package '{folder}' has no {WeightsFile}: the weights are missing; copy the whole folder or train again");
        if (!ModelZoo.IsKnown(manifest.Architecture ?? ""))
            throw new ModelFileException($"model package '{folder}' uses architecture '{manifest.Architecture}', which this build does not know ({string.Join(", ", ModelZoo.Names)})");
        if (manifest.Input is null) throw new ModelFileException($"model package '{folder}': {ManifestFile} has no input spec");
        manifest.Input.Validate();

        var network = ModelZoo.Create(manifest.Architecture!, manifest.Classes.Count);
        try
        {
            try
            {
                network.load(weightsPath, strict: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or ExternalException or EndOfStreamException or FormatException)
            {
                throw new ModelFileException(
                    $"model package '{folder}': {WeightsFile} does not match architecture '{manifest.Architecture}' with {manifest.Classes.Count} classes ({TorchRuntimeMessage(e)}); the files come from different models: train again");
            }
            CheckInputFits(manifest.Architecture!, network, manifest.Input, folder);
            network.eval();
            int embeddingSize = ((ExerciseNet)network).EmbeddingSize;
            if (manifest.PhaseHead is not null)
            {
                if (manifest.TemporalHead is null)
                    throw new ModelFileException($"model package '{folder}': {ManifestFile} has a phase head but no temporal head, whose windows it needs; run 'liveworkout train-head' again");
                CheckSameWindows(manifest.TemporalHead, manifest.PhaseHead, $"model package '{folder}': ");
            }
            if (manifest.TemporalHead?.Motion is { } motion)
            {
                try
                {
                    motion.Validate(manifest.Input);
                }
                catch (ArgumentException e)
                {
                    throw new ModelFileException($"model package '{folder}': {ManifestFile} gives the temporal head motion it cannot have ({e.Message}); run 'liveworkout train-head' again");
                }
            }
            var head = manifest.TemporalHead is null ? null
                : LoadHead(folder, TemporalHeadFile, "temporal head", manifest.TemporalHead, embeddingSize, manifest.Classes.Count);
            try
            {
                var phaseHead = manifest.PhaseHead is null ? null
                    : LoadHead(folder, PhaseHeadFile, "phase head", manifest.PhaseHead, embeddingSize, PhaseOutputs);
                return new ModelPackage(manifest with { Metrics = manifest.Metrics ?? new Dictionary<string, double>() }, network, head, phaseHead, folder);
            }
            catch
            {
                head?.Dispose();
                throw;
            }
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads a landmark package (format version and classes already checked): a temporal head (and
    /// optional phase head) over landmark features and the pose stage it names; every part is
    /// checked against the others and this build.
    /// </summary>
    private static ModelPackage LoadLandmarks(string folder, ModelManifest manifest)
    {
        if (manifest.Pose is not { } pose || string.IsNullOrWhiteSpace(pose.LandmarkModel))
            throw new ModelFileException($"model package '{folder}' is a landmark model but {ManifestFile} names no pose model; train it again with 'liveworkout train-landmarks'");
        pose.Validate($"model package '{folder}'");
        if (pose.Features != Core.Pose.LandmarkFeatures.Size || manifest.EmbeddingSize != pose.Features)
            throw new ModelFileException($"model package '{folder}' was trained on {pose.Features} landmark features a frame, this build computes {Core.Pose.LandmarkFeatures.Size}; train it again with 'liveworkout train-landmarks' or use the LiveWorkout it was made with");
        if (manifest.TemporalHead is null)
            throw new ModelFileException($"model package '{folder}' is a landmark model without a temporal head ({TemporalHeadFile}); train it again with 'liveworkout train-landmarks'");
        if (manifest.TemporalHead.Motion is not null)
            throw new ModelFileException($"model package '{folder}': a landmark model's head cannot see pixel motion; train it again with 'liveworkout train-landmarks'");
        if (manifest.PhaseHead is not null) CheckSameWindows(manifest.TemporalHead, manifest.PhaseHead, $"model package '{folder}': ");
        foreach (string? file in new[] { pose.LandmarkModel, pose.Detector })
        {
            if (file is null) continue;
            string path = PoseSpec.Resolve(folder, file);
            if (!File.Exists(path))
                throw new ModelFileException($"model package '{folder}' needs the pose model '{path}', which is missing: restore models/pose from the repository (git checkout -- models/pose)");
        }
        var more = manifest.MoreExercises is null ? null : LoadMore(folder, manifest, $"or remove moreExercises from its {ManifestFile}");
        TemporalHead? head = null;
        try
        {
            head = LoadHead(folder, TemporalHeadFile, "temporal head", manifest.TemporalHead, pose.Features, manifest.Classes.Count);
            var phaseHead = manifest.PhaseHead is null ? null : LoadHead(folder, PhaseHeadFile, "phase head", manifest.PhaseHead, pose.Features, PhaseOutputs);
            return new ModelPackage(manifest with { Metrics = manifest.Metrics ?? new Dictionary<string, double>() }, null, head, phaseHead, folder, more);
        }
        catch
        {
            head?.Dispose();
            more?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The package named by <see cref="ModelManifest.MoreExercises"/>, checked against the one that
    /// names it: a landmark package of the same pose stage and windows, with idle and every
    /// exercise of the first, and no second package of its own.
    /// </summary>
    /// <param name="remedy">What else to do about a refusal, besides restoring or choosing another package.</param>
    private static ModelPackage LoadMore(string folder, ModelManifest manifest, string remedy)
    {
        string where = $"model package '{folder}'";
        string path = PoseSpec.Resolve(folder, manifest.MoreExercises!.Package);
        if (!manifest.Classes.Contains(ExerciseCatalog.Idle))
            throw new ModelFileException($"{where} has no idle class, so it cannot add the exercises of '{path}' (they take the frames it calls idle); train it with idle, {remedy}");
        if (!File.Exists(Path.Combine(path, ManifestFile)))
            throw new ModelFileException($"{where} adds the exercises of '{path}', which is missing: restore it from the repository, {remedy}");
        // Read first, so packages that name each other are refused instead of loaded in a circle.
        if (ReadManifest(Path.Combine(path, ManifestFile)).MoreExercises is not null)
            throw new ModelFileException($"{where} adds the exercises of '{path}', but that package adds those of another itself; name a landmark model trained with 'liveworkout train-landmarks --exercises all', {remedy}");
        var more = Load(path);
        try
        {
            string? problem = !more.IsLandmarks ? "it is not a landmark model"
                : PoseSpec.Resolve(path, more.Manifest.Pose!.LandmarkModel) != PoseSpec.Resolve(folder, manifest.Pose!.LandmarkModel) || more.Manifest.Pose.Features != manifest.Pose.Features ? "its pose stage differs"
                : more.Head!.Spec.Steps != manifest.TemporalHead!.Steps || more.Head.Spec.StepSeconds != manifest.TemporalHead.StepSeconds || more.Head.Spec.LookAheadSeconds != manifest.TemporalHead.LookAheadSeconds ? "its windows differ"
                : manifest.Classes.FirstOrDefault(c => !more.Classes.Contains(c)) is { } missing ? $"it does not know '{missing}'"
                : more.Classes.All(manifest.Classes.Contains) ? "it knows no exercise the first does not"
                : null;
            if (problem is not null) throw new ModelFileException($"{where} adds the exercises of '{path}', but {problem}; name a landmark model trained with 'liveworkout train-landmarks --exercises all', {remedy}");
            return more;
        }
        catch
        {
            more.Dispose();
            throw;
        }
    }

    /// <summary>A phase head reads the temporal head's windows: both must pick the same frames.</summary>
    private static void CheckSameWindows(TemporalHeadSpec head, TemporalHeadSpec phase, string where)
    {
        if (head.Steps != phase.Steps || head.StepSeconds != phase.StepSeconds || head.LookAheadSeconds != phase.LookAheadSeconds || head.Motion != phase.Motion)
            throw new InvalidInputException($"{where}the phase head's windows ({phase.Steps} steps of {phase.StepSeconds} s, {phase.LookAheadSeconds} s ahead, {Describe(phase.Motion)}) differ from the temporal head's ({head.Steps} of {head.StepSeconds} s, {head.LookAheadSeconds} s ahead, {Describe(head.Motion)}); run 'liveworkout train-head' again");
    }

    private static string Describe(MotionSpec? motion) => motion is null ? "no motion" : $"motion {motion.Grid}x{motion.Grid} over {motion.Seconds} s";

    private static TemporalHead LoadHead(string folder, string file, string what, TemporalHeadSpec spec, int embeddingSize, int outputs)
    {
        string path = Path.Combine(folder, file);
        if (!File.Exists(path)) throw new ModelFileException($"model package '{folder}' names a {what} but has no {file}: copy the whole folder or run 'liveworkout train-head' again");
        TemporalHead head;
        try
        {
            head = new TemporalHead(embeddingSize, outputs, spec);
        }
        catch (ArgumentException e)
        {
            throw new ModelFileException($"model package '{folder}': {ManifestFile} has an invalid {what} ({e.Message}); run 'liveworkout train-head' again");
        }
        try
        {
            head.load(path, strict: true);
            head.eval();
            return head;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or ExternalException or EndOfStreamException or FormatException)
        {
            head.Dispose();
            throw new ModelFileException(
                $"model package '{folder}': {file} does not match the {what} in {ManifestFile} ({TorchRuntimeMessage(e)}); run 'liveworkout train-head' again");
        }
    }

    private static ModelManifest ReadManifest(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), ModelManifest.Json)
                   ?? throw new ModelFileException($"{path} is empty: train again");
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"{path} is not a valid model manifest ({e.Message.Split('.')[0]}); train again or restore the file");
        }
    }

    private static void CheckClasses(IReadOnlyList<string> classes, string? folder = null)
    {
        string where = folder is null ? "" : $"model package '{folder}': ";
        if (classes.Count < 2) throw new InvalidInputException($"{where}a classifier needs at least 2 classes, got {classes.Count}");
        var duplicate = classes.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidInputException($"{where}class '{duplicate.Key}' is listed twice");
        if (classes.Any(string.IsNullOrWhiteSpace)) throw new InvalidInputException($"{where}a class name is empty");
    }

    /// <summary>Runs one blank image through the network: the cheapest proof that the input size fits its layers.</summary>
    internal static void CheckInputFits(string architecture, Module<Tensor, Tensor> network, InputSpec input, string? folder = null)
    {
        var expected = ModelZoo.Get(architecture).Input;
        string where = folder is null ? "" : $"model package '{folder}': ";
        if (expected.Channels != input.Channels)
            throw new InvalidInputException($"{where}architecture '{architecture}' takes {expected.Color} input ({expected.Channels} channel(s)), not {input.Color}");
        bool wasTraining = network.training;
        network.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var mode = inference_mode();
            network.call(zeros(1, input.Channels, input.Height, input.Width));
        }
        catch (Exception e) when (e is ExternalException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidInputException($"{where}input size {input.Width}x{input.Height} does not fit architecture '{architecture}' (it needs {expected.Width}x{expected.Height}); use --size {expected.Width}x{expected.Height}");
        }
        finally
        {
            network.train(wasTraining);
        }
    }

    private static string TorchRuntimeMessage(Exception e) => e.Message.Split('\n')[0].Trim().TrimEnd('.');

    public void Dispose()
    {
        _network?.Dispose();
        Head?.Dispose();
        PhaseHead?.Dispose();
        More?.Dispose();
    }
}
