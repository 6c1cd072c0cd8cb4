using System.Diagnostics;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Training;

/// <summary>Settings of <see cref="HeadTrainer"/>.</summary>
public sealed record HeadTrainingOptions
{
    public TemporalHeadSpec Spec { get; init; } = TemporalHeadSpec.Default;
    public int Epochs { get; init; } = 20;
    public int BatchSize { get; init; } = 256;
    public double LearningRate { get; init; } = 2e-3;
    public double WeightDecay { get; init; } = 0.05;

    /// <summary>Share of the clips (not windows: neighbouring windows overlap) held out to pick the best epoch.</summary>
    public double ValidationShare { get; init; } = 0.15;
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Share of training windows whose past frames are moved by up to one stored frame: a live
    /// source drops frames and its times are not on a grid, so windows there are never exact.
    /// </summary>
    public double JitterShare { get; init; } = 0.5;
}

/// <summary>One epoch of head training.</summary>
public sealed record HeadEpoch(int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy, double ValidationAccuracy, double Seconds);

/// <summary>
/// A trained head and what it was measured at. <see cref="FrameValidationAccuracy"/> is the
/// CNN alone on the same validation frames: the head earns its place only if it beats that.
/// </summary>
public sealed record HeadTrainingResult(
    TemporalHead Head, IReadOnlyList<HeadEpoch> History, int BestEpoch, double ValidationAccuracy, double FrameValidationAccuracy,
    int TrainClips, int ValidationClips, int TrainWindows, int ValidationWindows);

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
        if (clips.Count < 2) throw new ArgumentException("a temporal head needs at least 2 clips: one to train on, one to validate", nameof(clips));
        int embeddingSize = clips[0].EmbeddingSize;
        var spec = options.Spec;
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, clips.Count).OrderBy(_ => rng.Next()).ToArray();
        int validationCount = Math.Clamp((int)Math.Round(clips.Count * options.ValidationShare), 1, clips.Count - 1);
        var validation = order.Take(validationCount).Order().Select(i => clips[i]).ToList();
        var training = order.Skip(validationCount).Order().Select(i => clips[i]).ToList();

        var train = Windows.Build(training, spec);
        var val = Windows.Build(validation, spec);
        double frameAccuracy = validation.Sum(c => c.Labels.Zip(c.FramePredicted).Count(p => p.First == p.Second)) / (double)val.Count;

        torch.random.manual_seed(options.Seed);
        var head = new TemporalHead(embeddingSize, classes, spec);
        head.to(device);
        using var trainData = tensor(train.Embeddings, [train.Frames, embeddingSize]).to(device);
        using var valData = tensor(val.Embeddings, [val.Frames, embeddingSize]).to(device);
        var optimizer = optim.AdamW(head.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        using var loss = CrossEntropyLoss();

        var history = new List<HeadEpoch>();
        Dictionary<string, Tensor>? best = null;
        int bestEpoch = 0;
        double bestAccuracy = -1;
        try
        {
            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                var watch = Stopwatch.StartNew();
                double rate = LearningRateSchedule.At(ScheduleNames.Cosine, options.LearningRate, epoch, options.Epochs);
                foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
                head.train();
                double lossSum = 0;
                long correct = 0;
                var shuffled = Enumerable.Range(0, train.Count).OrderBy(_ => rng.Next()).ToArray();
                var indices = new long[options.BatchSize * spec.Steps];
                var labels = new long[options.BatchSize];
                for (int start = 0; start < shuffled.Length; start += options.BatchSize)
                {
                    cancellation.ThrowIfCancellationRequested();
                    int n = Math.Min(options.BatchSize, shuffled.Length - start);
                    for (int b = 0; b < n; b++)
                    {
                        int w = shuffled[start + b];
                        train.CopyWindow(w, indices.AsSpan(b * spec.Steps, spec.Steps), rng.NextDouble() < options.JitterShare ? rng : null);
                        labels[b] = train.Labels[w];
                    }
                    using var scope = NewDisposeScope();
                    var x = trainData.index_select(0, tensor(indices.AsSpan(0, n * spec.Steps).ToArray()).to(device)).view(n, spec.Steps, embeddingSize);
                    var y = tensor(labels.AsSpan(0, n).ToArray()).to(device);
                    optimizer.zero_grad();
                    var logits = head.call(x);
                    var l = loss.call(logits, y);
                    l.backward();
                    optimizer.StepWithoutCollections();
                    lossSum += l.item<float>() * n;
                    correct += logits.argmax(1).eq(y).sum().item<long>();
                }
                double accuracy = Accuracy(head, val, valData, spec, embeddingSize, device);
                var record = new HeadEpoch(epoch + 1, rate, lossSum / train.Count, (double)correct / train.Count, accuracy, watch.Elapsed.TotalSeconds);
                history.Add(record);
                progress?.Invoke(record);
                if (accuracy > bestAccuracy)
                {
                    bestAccuracy = accuracy;
                    bestEpoch = epoch + 1;
                    if (best is not null) foreach (var t in best.Values) t.Dispose();
                    best = head.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());
                }
            }
            head.load_state_dict(best!);
            head.eval();
            head.to(CPU);
            return new HeadTrainingResult(head, history, bestEpoch, bestAccuracy, frameAccuracy, training.Count, validation.Count, train.Count, val.Count);
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

    private static double Accuracy(TemporalHead head, Windows data, Tensor embeddings, TemporalHeadSpec spec, int embeddingSize, Device device)
    {
        head.eval();
        using var mode = inference_mode();
        long correct = 0;
        const int batch = 1024;
        var indices = new long[batch * spec.Steps];
        for (int start = 0; start < data.Count; start += batch)
        {
            int n = Math.Min(batch, data.Count - start);
            for (int b = 0; b < n; b++) data.CopyWindow(start + b, indices.AsSpan(b * spec.Steps, spec.Steps), null);
            using var scope = NewDisposeScope();
            var x = embeddings.index_select(0, tensor(indices.AsSpan(0, n * spec.Steps).ToArray()).to(device)).view(n, spec.Steps, embeddingSize);
            var predicted = head.call(x).argmax(1).cpu().data<long>().ToArray();
            for (int b = 0; b < n; b++) if (predicted[b] == data.Labels[start + b]) correct++;
        }
        return (double)correct / data.Count;
    }

    /// <summary>All frames of a set of clips laid end to end, and for each frame the rows of its window.</summary>
    private sealed class Windows
    {
        private readonly int[] _rows;      // Count x Steps rows into Embeddings, oldest first
        private readonly int[] _clipStart; // first row of the frame's clip
        private readonly int[] _clipEnd;   // last row of the frame's clip
        private readonly int _steps, _focus;

        private Windows(float[] embeddings, int frames, int[] labels, int[] rows, int[] clipStart, int[] clipEnd, TemporalHeadSpec spec)
        {
            Embeddings = embeddings;
            Frames = frames;
            Labels = labels;
            _rows = rows;
            _clipStart = clipStart;
            _clipEnd = clipEnd;
            _steps = spec.Steps;
            _focus = spec.FocusStep;
        }

        public float[] Embeddings { get; }
        public int Frames { get; }
        public int Count => Labels.Length;
        public int[] Labels { get; }

        public static Windows Build(IReadOnlyList<ClipEmbeddingSeries> clips, TemporalHeadSpec spec)
        {
            int total = clips.Sum(c => c.Count);
            var embeddings = new float[(long)total * clips[0].EmbeddingSize];
            var labels = new int[total];
            var rows = new int[total * spec.Steps];
            var clipStart = new int[total];
            var clipEnd = new int[total];
            int offset = 0;
            foreach (var clip in clips)
            {
                clip.Embeddings.CopyTo(embeddings, (long)offset * clip.EmbeddingSize);
                for (int i = 0; i < clip.Count; i++)
                {
                    var window = rows.AsSpan((offset + i) * spec.Steps, spec.Steps);
                    TemporalWindow.ForFrame(clip.Times, i, spec, window);
                    for (int k = 0; k < window.Length; k++) window[k] += offset;
                    labels[offset + i] = clip.Labels[i];
                    clipStart[offset + i] = offset;
                    clipEnd[offset + i] = offset + clip.Count - 1;
                }
                offset += clip.Count;
            }
            return new Windows(embeddings, total, labels, rows, clipStart, clipEnd, spec);
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
