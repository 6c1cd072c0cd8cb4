using System.Diagnostics;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Packaging;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Training;

/// <summary>
/// Trains a <see cref="TemporalHead"/> on the CNN embeddings of labelled clips (the CNN stays
/// frozen): every stored frame is one window, windows are picked by <see cref="TemporalWindow"/>
/// exactly as in inference, clips are split into train and validation, Adam with a cosine
/// schedule, and the epoch with the best validation accuracy is kept. Runs on the calling thread.
/// </summary>
public static class HeadTrainer
{
    public static HeadTrainingResult Train(
        IReadOnlyList<ClipEmbeddingSeries> clips, int classes, HeadTrainingOptions options, Device device,
        Action<HeadEpoch>? progress = null, CancellationToken cancellation = default)
    {
        var spec = options.Spec;
        int embeddingSize = CnnEmbeddingSize(clips, spec);
        var rng = new Random(options.Seed);
        var (training, validation) = Split(clips, options, rng);

        var train = Windows.Build(training, spec);
        var val = Windows.Build(validation, spec);
        double frameAccuracy = validation.Sum(c => c.Labels.Zip(c.FramePredicted).Count(p => p.First == p.Second)) / (double)val.Count;

        torch.random.manual_seed(options.Seed);
        var head = new TemporalHead(embeddingSize, classes, spec);
        using var loss = CrossEntropyLoss();
        var history = new List<HeadEpoch>();
        var (bestEpoch, bestAccuracy) = Fit(head, train, val, options, options.Epochs, rng, device,
            (windows, n, logits) =>
            {
                var y = tensor(windows.Take(n).Select(w => (long)train.Labels[w]).ToArray()).to(device);
                return (loss.call(logits, y), logits.argmax(1).eq(y).sum().item<long>());
            },
            output => Accuracy(output, val),
            (epoch, rate, lossMean, correct, accuracy, seconds) =>
            {
                var record = new HeadEpoch(epoch, rate, lossMean, (double)correct / train.Count, accuracy, seconds);
                history.Add(record);
                progress?.Invoke(record);
            },
            cancellation);
        return new HeadTrainingResult(head, history, bestEpoch, bestAccuracy, frameAccuracy, training.Count, validation.Count, train.Count, val.Count);
    }

    /// <summary>The CNN's part of each step of the clips' series: what is left when the head's motion features are taken off.</summary>
    private static int CnnEmbeddingSize(IReadOnlyList<ClipEmbeddingSeries> clips, TemporalHeadSpec spec)
    {
        int size = clips[0].EmbeddingSize - spec.MotionFeatures;
        if (size < 1 || clips.Any(c => c.EmbeddingSize != clips[0].EmbeddingSize))
            throw new ArgumentException($"the clips' series must all hold an embedding and {spec.MotionFeatures} motion features a frame", nameof(clips));
        return size;
    }

    /// <summary>
    /// Trains <paramref name="head"/> (it stays the caller's, and is disposed here only if training
    /// fails) on the training windows for <paramref name="epochs"/> epochs: AdamW with a cosine
    /// schedule, shuffled batches whose windows may be jittered (<see cref="HeadTrainingOptions.JitterShare"/>).
    /// After each epoch <paramref name="score"/> rates the head's outputs for every validation
    /// window (higher is better); the best epoch's weights are kept, and the head comes back on
    /// the CPU in eval mode. <paramref name="lossOf"/> gives a batch's loss and how many of it were
    /// right from the head's output for the batch's windows.
    /// </summary>
    private static (int BestEpoch, double BestScore) Fit(
        TemporalHead head, Windows train, Windows val, HeadTrainingOptions options, int epochs, Random rng, Device device,
        Func<int[], int, Tensor, (Tensor Loss, long Correct)> lossOf, Func<float[], double> score,
        Action<int, double, double, long, double, double> epochDone, CancellationToken cancellation)
    {
        var spec = head.Spec;
        int embeddingSize = train.EmbeddingSize;
        Dictionary<string, Tensor>? best = null;
        head.to(device);
        var optimizer = optim.AdamW(head.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        try
        {
            using var trainData = tensor(train.Embeddings, [train.Frames, embeddingSize]).to(device);
            using var valData = tensor(val.Embeddings, [val.Frames, embeddingSize]).to(device);
            double lossSum = 0;
            long correct = 0;
            var end = EpochLoop.Run(optimizer, ScheduleNames.Cosine, options.LearningRate, epochs, patience: 0, default,
                (epoch, _) =>
                {
                    head.train();
                    lossSum = 0;
                    correct = 0;
                    var shuffled = Enumerable.Range(0, train.Count).OrderBy(_ => rng.Next()).ToArray();
                    var indices = new long[options.BatchSize * spec.Steps];
                    var windows = new int[options.BatchSize];
                    for (int start = 0; start < shuffled.Length; start += options.BatchSize)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        if (options.AnnealPerBatch)
                        {
                            double rate = LearningRateSchedule.CosineAt(options.LearningRate, epoch + (double)start / shuffled.Length, epochs);
                            foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
                        }
                        int n = Math.Min(options.BatchSize, shuffled.Length - start);
                        for (int b = 0; b < n; b++)
                        {
                            int w = windows[b] = shuffled[start + b];
                            train.CopyWindow(w, indices.AsSpan(b * spec.Steps, spec.Steps), rng.NextDouble() < options.JitterShare ? rng : null);
                        }
                        using var scope = NewDisposeScope();
                        var x = trainData.index_select(0, tensor(indices.AsSpan(0, n * spec.Steps).ToArray()).to(device)).view(n, spec.Steps, embeddingSize);
                        long right = 0;
                        var l = SafeTrainingStep.Step(optimizer, () =>
                        {
                            (var loss, right) = lossOf(windows, n, head.call(x));
                            return loss;
                        });
                        lossSum += l.item<float>() * n;
                        correct += right;
                    }
                    return score(Outputs(head, val, valData, device));
                },
                (standing, improved, rate, seconds) =>
                {
                    epochDone(standing.CompletedEpochs, rate, lossSum / train.Count, correct, standing.Score, seconds);
                    if (!improved) return;
                    if (best is not null) foreach (var t in best.Values) t.Dispose();
                    best = head.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());
                });
            head.load_state_dict(best!);
            head.eval();
            head.to(CPU);
            return (end.BestEpoch, end.BestScore);
        }
        catch
        {
            head.Dispose();
            throw;
        }
        finally
        {
            if (best is not null) foreach (var t in best.Values) t.Dispose();
            optimizer.Dispose();
        }
    }

    /// <summary>The head's outputs for every window of <paramref name="data"/>, window after window (eval mode, in batches).</summary>
    private static float[] Outputs(TemporalHead head, Windows data, Tensor embeddings, Device device)
    {
        head.eval();
        using var mode = inference_mode();
        var spec = head.Spec;
        int embeddingSize = data.EmbeddingSize;
        var all = new List<float>();
        const int batch = 1024;
        var indices = new long[batch * spec.Steps];
        for (int start = 0; start < data.Count; start += batch)
        {
            int n = Math.Min(batch, data.Count - start);
            for (int b = 0; b < n; b++) data.CopyWindow(start + b, indices.AsSpan(b * spec.Steps, spec.Steps), null);
            using var scope = NewDisposeScope();
            var x = embeddings.index_select(0, tensor(indices.AsSpan(0, n * spec.Steps).ToArray()).to(device)).view(n, spec.Steps, embeddingSize);
            all.AddRange(head.call(x).cpu().data<float>().ToArray());
        }
        return [.. all];
    }

    /// <summary>Share of windows whose largest output is their label.</summary>
    private static double Accuracy(float[] logits, Windows data)
    {
        int classes = logits.Length / data.Count;
        long correct = 0;
        for (int w = 0; w < data.Count; w++)
            if (FramePrediction.TopIndex(logits.AsSpan(w * classes, classes)) == data.Labels[w]) correct++;
        return (double)correct / data.Count;
    }

    /// <summary>
    /// Clips (not windows: neighbouring windows overlap) into training and validation, the same for
    /// both heads. Pieces of one recording (named <c>clip#k</c>, see <see cref="Landmarks.ShortClips"/>)
    /// stay on one side.
    /// </summary>
    internal static (List<ClipEmbeddingSeries> Training, List<ClipEmbeddingSeries> Validation) Split(
        IReadOnlyList<ClipEmbeddingSeries> clips, HeadTrainingOptions options, Random rng)
    {
        if (clips.Count < 2) throw new ArgumentException("a temporal head needs at least 2 clips: one to train on, one to validate", nameof(clips));
        var groups = clips.Select((c, i) => (Source: Source(c.Clip), Index: i)).GroupBy(p => p.Source, StringComparer.Ordinal)
            .Select(g => g.Select(p => p.Index).ToArray()).ToArray();
        if (groups.Length < 2) throw new ArgumentException("a temporal head needs clips of at least 2 recordings: one to train on, one to validate", nameof(clips));
        var order = Enumerable.Range(0, groups.Length).OrderBy(_ => rng.Next()).ToArray();
        int validationCount = Math.Clamp((int)Math.Round(groups.Length * options.ValidationShare), 1, groups.Length - 1);
        List<ClipEmbeddingSeries> Take(IEnumerable<int> picked) => [.. picked.SelectMany(g => groups[g]).Order().Select(i => clips[i])];
        return (Take(order.Skip(validationCount)), Take(order.Take(validationCount)));
    }

    private static string Source(string clip) => clip.IndexOf('#', StringComparison.Ordinal) is int cut and >= 0 ? clip[..cut] : clip;

    /// <summary>
    /// Trains a phase head: a <see cref="TemporalHead"/> with two outputs on the temporal head's
    /// windows, regressing (cos, sin) of the labelled rep phase with mean squared error, and (0, 0)
    /// where nothing repeats (<see cref="ClipEmbeddingSeries.PhaseTargets"/>), so that a stretch
    /// without reps gives the rep counter no swing to count. The clips are split as for the
    /// temporal head, and the epoch with the smallest validation phase error (over frames inside
    /// reps) is kept. Null when no clip has labelled rep times on both sides of the split.
    /// </summary>
    public static PhaseTrainingResult? TrainPhase(
        IReadOnlyList<ClipEmbeddingSeries> clips, HeadTrainingOptions options, Device device,
        Action<PhaseEpoch>? progress = null, CancellationToken cancellation = default)
    {
        if (options.PhaseEpochs <= 0) return null;
        var spec = options.Spec with { Hidden = options.PhaseHidden, FrameWeight = 0 };
        int embeddingSize = CnnEmbeddingSize(clips, spec);
        var rng = new Random(options.Seed);
        var (training, validation) = Split(clips, options, rng);
        var train = Windows.Build(training, spec, phaseTargetsOnly: true);
        var val = Windows.Build(validation, spec, phaseTargetsOnly: true);
        if (!train.HasRepPhases || !val.HasRepPhases) return null;

        torch.random.manual_seed(options.Seed);
        var head = new TemporalHead(embeddingSize, ModelPackage.PhaseOutputs, spec);
        var history = new List<PhaseEpoch>();
        var (bestEpoch, bestScore) = Fit(head, train, val, options, options.PhaseEpochs, rng, device,
            (windows, n, output) =>
            {
                var targets = new float[2 * n];
                for (int b = 0; b < n; b++) train.PhaseTargets.AsSpan(2 * windows[b], 2).CopyTo(targets.AsSpan(2 * b));
                return (functional.mse_loss(output, tensor(targets, [n, 2]).to(device)), 0);
            },
            output => -PhaseError(output, val),
            (epoch, rate, lossMean, _, negativeError, seconds) =>
            {
                var record = new PhaseEpoch(epoch, rate, lossMean, -negativeError, seconds);
                history.Add(record);
                progress?.Invoke(record);
            },
            cancellation);
        return new PhaseTrainingResult(head, history, bestEpoch, -bestScore, train.Count, val.RepPhaseCount);
    }

    /// <summary>Mean angle in degrees between the head's phase and the labelled one, over the windows inside reps.</summary>
    private static double PhaseError(float[] output, Windows data)
    {
        double sum = 0;
        int count = 0;
        for (int w = 0; w < data.Count; w++)
        {
            if (!data.InRep(w)) continue;
            double estimate = Math.Atan2(output[2 * w + 1], output[2 * w]);
            double truth = Math.Atan2(data.PhaseTargets[2 * w + 1], data.PhaseTargets[2 * w]);
            sum += Math.Abs(Math.IEEERemainder(estimate - truth, 2 * Math.PI));
            count++;
        }
        return sum / count * 180 / Math.PI;
    }

    /// <summary>
    /// All frames of a set of clips laid end to end, and for each frame (or, for a phase head,
    /// each frame whose phase target is known) the rows of its window.
    /// </summary>
    private sealed class Windows
    {
        private readonly int[] _rows;      // Count x Steps rows into Embeddings, oldest first
        private readonly int[] _clipStart; // first row of the frame's clip
        private readonly int[] _clipEnd;   // last row of the frame's clip
        private readonly int _steps, _focus;

        private Windows(float[] embeddings, int embeddingSize, int[] labels, float[] phaseTargets, int[] rows, int[] clipStart, int[] clipEnd, TemporalHeadSpec spec)
        {
            Embeddings = embeddings;
            EmbeddingSize = embeddingSize;
            Labels = labels;
            PhaseTargets = phaseTargets;
            for (int w = 0; w < Count; w++) if (InRep(w)) RepPhaseCount++;
            _rows = rows;
            _clipStart = clipStart;
            _clipEnd = clipEnd;
            _steps = spec.Steps;
            _focus = spec.FocusStep;
        }

        public float[] Embeddings { get; }
        public int EmbeddingSize { get; }
        public int Frames => Embeddings.Length / EmbeddingSize;
        public int Count => Labels.Length;
        public int[] Labels { get; }

        /// <summary>Each window's phase target, two values (see <see cref="ClipEmbeddingSeries.PhaseTargets"/>).</summary>
        public float[] PhaseTargets { get; }

        /// <summary>Windows whose frame is inside a labelled rep (its target is on the unit circle, not (0, 0)).</summary>
        public int RepPhaseCount { get; }

        public bool HasRepPhases => RepPhaseCount > 0;

        public bool InRep(int w) => PhaseTargets[2 * w] * PhaseTargets[2 * w] + PhaseTargets[2 * w + 1] * PhaseTargets[2 * w + 1] > 0.5f;

        public static Windows Build(IReadOnlyList<ClipEmbeddingSeries> clips, TemporalHeadSpec spec, bool phaseTargetsOnly = false)
        {
            int total = clips.Sum(c => c.Count);
            var embeddings = new float[(long)total * clips[0].EmbeddingSize];
            var labels = new List<int>(total);
            var targets = new List<float>(2 * total);
            var rows = new List<int>(total * spec.Steps);
            var clipStart = new List<int>(total);
            var clipEnd = new List<int>(total);
            var window = new int[spec.Steps];
            int offset = 0;
            foreach (var clip in clips)
            {
                clip.Embeddings.CopyTo(embeddings, (long)offset * clip.EmbeddingSize);
                for (int i = 0; i < clip.Count; i++)
                {
                    float cos = clip.PhaseTargets?[2 * i] ?? float.NaN, sin = clip.PhaseTargets?[2 * i + 1] ?? float.NaN;
                    if (phaseTargetsOnly && (float.IsNaN(cos) || float.IsNaN(sin))) continue;
                    TemporalWindow.ForFrame(clip.Times, i, spec, window);
                    foreach (int row in window) rows.Add(row + offset);
                    labels.Add(clip.Labels[i]);
                    targets.Add(cos);
                    targets.Add(sin);
                    clipStart.Add(offset);
                    clipEnd.Add(offset + clip.Count - 1);
                }
                offset += clip.Count;
            }
            return new Windows(embeddings, clips[0].EmbeddingSize, [.. labels], [.. targets], [.. rows], [.. clipStart], [.. clipEnd], spec);
        }

        /// <summary>Window <paramref name="w"/>'s rows; with <paramref name="jitter"/>, every frame but the classified one may move one row either way (within its clip).</summary>
        public void CopyWindow(int w, Span<long> destination, Random? jitter)
        {
            for (int k = 0; k < _steps; k++)
            {
                int row = _rows[w * _steps + k];
                if (jitter is not null && k != _focus) row = Math.Clamp(row + jitter.Next(-1, 2), _clipStart[w], _clipEnd[w]);
                destination[k] = row;
            }
        }
    }
}
