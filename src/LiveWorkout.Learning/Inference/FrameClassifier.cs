using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Core.Pose;
using TorchSharp;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Packaging;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Inference;

/// <summary>
/// Runs a model package on batches of preprocessed frames for the real-time pipeline. Holds its
/// own copy of the network on <see cref="Device"/>; use it from ONE thread (dispose scopes are
/// thread-static). Tensors never leave <see cref="Predict"/>: it returns managed arrays.
/// With a temporal head, one classifier follows one source: the probabilities of a frame come from
/// the embeddings of the frames before it, which it remembers.
/// </summary>
public sealed class FrameClassifier : IDisposable
{
    private readonly Module<Tensor, Tensor>? _network;
    private readonly ExerciseNet? _net;
    private readonly InputSpec? _input;
    private readonly int _frameLength;
    private readonly TemporalHead? _head;
    private readonly TemporalHead? _phaseHead;
    private readonly TemporalHead? _moreHead;       // the heads of a second landmark model whose exercises the package adds
    private readonly TemporalHead? _morePhaseHead;
    private readonly IdleSharing? _sharing;
    private readonly int _headClasses;    // classes the temporal head outputs (fewer than Classes when a second model adds some)
    private readonly int _moreClasses;
    private readonly EmbeddingHistory? _history;
    private readonly MotionFeatures? _motion;
    private readonly int _stepSize; // values per step of a head's window: the embedding, then any motion features
    private float[] _windows = [];

    /// <param name="useTemporalHead">False classifies every frame alone even when the package has a head (training the head itself needs that).</param>
    public FrameClassifier(ModelPackage package, Device device, bool useTemporalHead = true)
    {
        Architecture = package.Architecture;
        Classes = package.Classes.ToArray();
        _headClasses = package.Manifest.Classes.Count;
        Device = device;
        if (package.IsLandmarks)
        {
            // A landmark package: each frame is a PoseFrame, its step is the frame's landmark features.
            if (!useTemporalHead || package.Head is not { } landmarkHead)
                throw new InvalidInputException($"model '{package.Folder}' is a landmark model: it classifies only through its temporal head");
            _frameLength = PoseFrame.Length;
            _stepSize = LandmarkFeatures.Size;
            _head = Copy(landmarkHead, _headClasses, device);
            _history = new EmbeddingHistory(landmarkHead.Spec, _stepSize);
            if (package.PhaseHead is { } landmarkPhase) _phaseHead = Copy(landmarkPhase, ModelPackage.PhaseOutputs, device);
            if (package.More is { } more)
            {
                _moreClasses = more.Manifest.Classes.Count;
                _moreHead = Copy(more.Head!, _moreClasses, device);
                if (more.PhaseHead is { } morePhase) _morePhaseHead = Copy(morePhase, ModelPackage.PhaseOutputs, device);
                _sharing = new IdleSharing(package.Manifest.Classes, more.Manifest.Classes, Classes);
            }
            return;
        }
        _input = package.Input;
        _network = ModelZoo.Create(package.Architecture, Classes.Count);
        _network.load_state_dict(package.Network.state_dict());
        _network.to(device);
        _network.eval();
        _net = (ExerciseNet)_network;
        _frameLength = _input.Channels * _input.Height * _input.Width;
        if (useTemporalHead && package.Head is { } head)
        {
            _head = Copy(head, Classes.Count, device);
            if (head.Spec.Motion is { } motion) _motion = new MotionFeatures(motion, _input);
            _stepSize = _net.EmbeddingSize + head.Spec.MotionFeatures;
            _history = new EmbeddingHistory(head.Spec, _stepSize);
            if (package.PhaseHead is { } phase) _phaseHead = Copy(phase, ModelPackage.PhaseOutputs, device);
        }
    }

    private static TemporalHead Copy(TemporalHead source, int outputs, Device device)
    {
        var head = new TemporalHead(source.EmbeddingSize, outputs, source.Spec);
        head.load_state_dict(source.state_dict());
        head.to(device);
        head.eval();
        return head;
    }

    /// <summary>Whether results carry the rep phase (the package has a phase head and the temporal head is used).</summary>
    public bool HasPhaseHead => _phaseHead is not null;

    /// <summary>The temporal head's shape, or null when frames are classified alone.</summary>
    public TemporalHeadSpec? TemporalHead => _head?.Spec;

    public string Architecture { get; }

    /// <summary>The pixel input of a CNN package (a landmark package has none).</summary>
    public InputSpec Input => _input ?? throw new InvalidOperationException("a landmark model has no pixel input");
    public IReadOnlyList<string> Classes { get; }
    public Device Device { get; }

    /// <summary>Values a frame contributes to a head's window besides motion: the CNN embedding, or the landmark features.</summary>
    public int EmbeddingSize => _net?.EmbeddingSize ?? LandmarkFeatures.Size;

    /// <summary>Floats per frame given to <see cref="Predict"/>: a preprocessed image, or a <see cref="PoseFrame"/>.</summary>
    public int FrameLength => _frameLength;

    /// <summary>Frames given to <see cref="Predict"/> whose results are still to come (the temporal head's look-ahead).</summary>
    public int Pending => _history?.Pending ?? 0;

    /// <summary>
    /// Classifies <paramref name="count"/> frames laid out as count x C x H x W floats, exactly
    /// as <c>FramePreprocessor</c> writes them for <see cref="Input"/>. Without a temporal head
    /// the result has one row per frame. With one, <paramref name="times"/> gives each frame's
    /// media or capture time, and the result holds the frames whose look-ahead has now passed:
    /// the oldest <see cref="Pending"/> frames, in order (possibly none); <see cref="Flush"/>
    /// returns the rest when the source ends.
    /// </summary>
    public ClassifierOutput Predict(ReadOnlySpan<float> batch, int count, ReadOnlySpan<TimeSpan> times = default)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "at least one frame is needed");
        if (batch.Length < (long)count * _frameLength)
            throw new ArgumentException($"{count} frames need {(long)count * _frameLength} floats, got {batch.Length}", nameof(batch));
        if (_head is not null && times.Length < count)
            throw new ArgumentException($"a model with a temporal head needs the time of each of the {count} frames", nameof(times));

        using var scope = NewDisposeScope();
        using var mode = inference_mode();
        if (_net is null)
        {
            for (int i = 0; i < count; i++)
            {
                var features = new float[_stepSize];
                LandmarkFeatures.Compute(batch.Slice(i * _frameLength, _frameLength), features);
                _history!.Add(times[i], features);
            }
            return TakeReady(sourceEnded: false);
        }
        var input = FromSpan(batch[..(count * _frameLength)], [count, _input!.Channels, _input.Height, _input.Width]);
        var embedding = _net.Embed(input.to(Device));
        var embeddings = Rows(embedding.cpu(), count, EmbeddingSize);
        // The CNN's own verdict: the result without a head, a share of it with one.
        var frameProbabilities = _head is null || _head.Spec.FrameWeight > 0
            ? Rows(functional.softmax(_net.Classify(embedding), 1).cpu(), count, Classes.Count)
            : null;
        if (_head is null) return new ClassifierOutput(frameProbabilities!, embeddings);
        for (int i = 0; i < count; i++) _history!.Add(times[i], StepOf(embeddings[i], batch.Slice(i * _frameLength, _frameLength), times[i]), frameProbabilities?[i]);
        return TakeReady(sourceEnded: false);
    }

    /// <summary>
    /// A landmark model's results for frames whose <see cref="LandmarkFeatures"/> are already
    /// computed (saved by an earlier run), exactly as <see cref="Predict"/> gives them from the pose
    /// frames: the same history, windows and pending frames.
    /// </summary>
    public ClassifierOutput PredictFeatures(IReadOnlyList<float[]> features, ReadOnlySpan<TimeSpan> times)
    {
        if (_net is not null) throw new InvalidOperationException("only a landmark model classifies landmark features");
        if (times.Length < features.Count) throw new ArgumentException($"{features.Count} frames need {features.Count} times, got {times.Length}", nameof(times));
        using var scope = NewDisposeScope();
        using var mode = inference_mode();
        for (int i = 0; i < features.Count; i++)
        {
            if (features[i].Length != LandmarkFeatures.Size)
                throw new ArgumentException($"frame {i} has {features[i].Length} features, a landmark model takes {LandmarkFeatures.Size}", nameof(features));
            _history!.Add(times[i], features[i]);
        }
        return TakeReady(sourceEnded: false);
    }

    /// <summary>What a head's window holds of one frame: its embedding, and its motion features when the head sees motion.</summary>
    private float[] StepOf(float[] embedding, ReadOnlySpan<float> frame, TimeSpan time)
    {
        if (_motion is null) return embedding;
        var step = new float[_stepSize];
        embedding.CopyTo(step, 0);
        _motion.Compute(frame, time.TotalSeconds, step.AsSpan(EmbeddingSize));
        return step;
    }

    /// <summary>The source has ended: the results of every frame still pending (none without a temporal head).</summary>
    public ClassifierOutput Flush()
    {
        if (_head is null || _history!.Pending == 0) return new ClassifierOutput([], [], _phaseHead is null ? null : []);
        using var scope = NewDisposeScope();
        using var mode = inference_mode();
        return TakeReady(sourceEnded: true);
    }

    private ClassifierOutput TakeReady(bool sourceEnded)
    {
        int window = _head!.Spec.Steps * _stepSize;
        var own = new List<float[]>();
        var frameProbabilities = new List<float[]?>();
        while (_history!.IsReady(sourceEnded))
        {
            if (_windows.Length < (own.Count + 1) * window) Array.Resize(ref _windows, Math.Max(2 * _windows.Length, (own.Count + 1) * window));
            var step = _history.Take(_windows.AsSpan(own.Count * window, window), out var p);
            own.Add(_motion is null ? step : step[..EmbeddingSize]);
            frameProbabilities.Add(p);
        }
        if (own.Count == 0) return new ClassifierOutput([], [], _phaseHead is null ? null : []);
        var windows = FromSpan(_windows.AsSpan(0, own.Count * window), [own.Count, _head.Spec.Steps, _stepSize]).to(Device);
        var logProbabilities = functional.log_softmax(_head.call(windows), 1).cpu();
        double w = _head.Spec.FrameWeight;
        if (w > 0)
        {
            var frame = FromSpan(frameProbabilities.SelectMany(p => p!).ToArray(), [own.Count, Classes.Count]);
            // Explicit Scalars, alive until the end of the block: TorchSharp would turn plain numbers
            // into Scalars that a garbage collection can free mid-call (see SafeTrainingStep).
            using var headShare = (1 - w).ToScalar();
            using var frameShare = w.ToScalar();
            using var floor = 1e-6.ToScalar();
            logProbabilities = logProbabilities * headShare + frame.clamp_min(floor).log() * frameShare;
        }
        var probabilities = functional.softmax(logProbabilities, 1);
        var phases = _phaseHead is null ? null : Rows(_phaseHead.call(windows).cpu(), own.Count, ModelPackage.PhaseOutputs);
        var rows = Rows(probabilities, own.Count, _headClasses);
        if (_sharing is not null) rows = AddMoreExercises(windows, rows, phases);
        return new ClassifierOutput(rows, [.. own], phases);
    }

    /// <summary>
    /// The package's rows with the second model's exercises added (<see cref="IdleSharing"/>); a
    /// frame whose top class is one of those takes its rep phase from the second model.
    /// </summary>
    private float[][] AddMoreExercises(Tensor windows, float[][] rows, float[][]? phases)
    {
        var more = Rows(functional.softmax(_moreHead!.call(windows), 1).cpu(), rows.Length, _moreClasses);
        var combined = new float[rows.Length][];
        for (int i = 0; i < rows.Length; i++) combined[i] = _sharing!.Combine(rows[i], more[i]);
        // The second phase head runs only for a batch in which some frame is named one of its exercises.
        var added = Enumerable.Range(0, rows.Length).Where(i => _sharing!.Added.Contains(ArgMax(combined[i]))).ToList();
        if (phases is null || _morePhaseHead is null || added.Count == 0) return combined;
        var morePhases = Rows(_morePhaseHead.call(windows).cpu(), rows.Length, ModelPackage.PhaseOutputs);
        foreach (int i in added) phases[i] = morePhases[i];
        return combined;
    }

    private static int ArgMax(float[] row)
    {
        int best = 0;
        for (int i = 1; i < row.Length; i++) if (row[i] > row[best]) best = i;
        return best;
    }

    internal static Tensor FromSpan(ReadOnlySpan<float> data, long[] shape)
    {
        var tensor = empty(shape, float32);
        tensor.data<float>().CopyFrom(data);
        return tensor;
    }

    internal static float[][] Rows(Tensor matrix, int rows, int columns)
    {
        var all = new float[rows * columns];
        matrix.contiguous().data<float>().CopyTo(all);
        var result = new float[rows][];
        for (int r = 0; r < rows; r++) result[r] = all.AsSpan(r * columns, columns).ToArray();
        return result;
    }

    public void Dispose()
    {
        _network?.Dispose();
        _head?.Dispose();
        _phaseHead?.Dispose();
        _moreHead?.Dispose();
        _morePhaseHead?.Dispose();
    }
}
