using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Vision.Augmentation;
using LiveWorkout.Vision.Preprocessing;
using OpenCvSharp;

namespace LiveWorkout.Learning.Data;

/// <summary>
/// Loads, augments and preprocesses samples into batches on background workers, a bounded
/// number of batches ahead, so the training thread rarely waits. Batches come out in order and
/// every sample's augmentation is seeded by (seed, epoch, position): results do not depend on
/// the number of workers. Images that fail to decode are left out of their batch and recorded.
/// </summary>
public sealed class BatchLoader(
    IReadOnlyList<DatasetSample> samples,
    InputSpec input,
    AugmentationSettings augmentation,
    int batchSize,
    bool shuffle,
    int seed,
    int workers)
{
    private readonly ConcurrentDictionary<string, string> _failures = new(StringComparer.Ordinal);
    private readonly int _workers = Math.Max(1, workers);

    public int Count => samples.Count;
    public int BatchesPerEpoch => (samples.Count + batchSize - 1) / batchSize;

    /// <summary>Time the consumer spent blocked on the next batch in the last epoch.</summary>
    public TimeSpan LastEpochWait { get; private set; }

    /// <summary>Files that could not be decoded so far, with the reason.</summary>
    public IReadOnlyList<SkippedFile> DecodeFailures => _failures.Select(p => new SkippedFile(p.Key, p.Value)).OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();

    /// <summary>The batches of one epoch, in order. Stop early by disposing the enumerator or cancelling.</summary>
    public IEnumerable<Batch> Epoch(int epoch, CancellationToken cancellation)
    {
        var order = Enumerable.Range(0, samples.Count).ToArray();
        if (shuffle) new Random(SampleSeeds.Derive(seed, epoch, -1)).Shuffle(order);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var channel = Channel.CreateBounded<Task<Batch>>(new BoundedChannelOptions(_workers * 2) { SingleReader = true, SingleWriter = true });
        using var gate = new SemaphoreSlim(_workers);
        var producer = Task.Run(() => Produce(order, epoch, channel.Writer, gate, stop.Token), stop.Token);
        var waited = TimeSpan.Zero;
        try
        {
            while (true)
            {
                long start = Stopwatch.GetTimestamp();
                if (!channel.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult()) break;
                channel.Reader.TryRead(out var next);
                var batch = next!.GetAwaiter().GetResult();
                waited += Stopwatch.GetElapsedTime(start);
                if (batch.Count > 0) yield return batch;
            }
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            LastEpochWait = waited;
            stop.Cancel();
            // Let in-flight workers finish before the gate they release is disposed.
            try { producer.Wait(); } catch (AggregateException) { }
            while (channel.Reader.TryRead(out var pending)) try { pending.Wait(); } catch (AggregateException) { }
        }
    }

    private async Task Produce(int[] order, int epoch, ChannelWriter<Task<Batch>> writer, SemaphoreSlim gate, CancellationToken token)
    {
        try
        {
            for (int start = 0; start < order.Length; start += batchSize)
            {
                int first = start, count = Math.Min(batchSize, order.Length - start);
                await gate.WaitAsync(token).ConfigureAwait(false);
                var task = Task.Run(() =>
                {
                    try { return Build(order, first, count, epoch); }
                    finally { gate.Release(); }
                }, CancellationToken.None);
                await writer.WriteAsync(task, token).ConfigureAwait(false);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
        }
    }

    private Batch Build(int[] order, int first, int count, int epoch)
    {
        int length = input.Channels * input.Height * input.Width;
        var pixels = new float[count * length];
        var labels = new long[count];
        var paths = new string[count];
        int filled = 0;
        using var preprocessor = new FramePreprocessor(input);
        using var augmenter = new ImageAugmenter(augmentation);
        using var augmented = new Mat();
        for (int i = 0; i < count; i++)
        {
            var sample = samples[order[first + i]];
            using var image = Read(sample.Path);
            if (image is null) continue;
            Mat source = image;
            if (!augmentation.IsIdentity)
            {
                // Blank the mask before moving pixels around, or shifts would carry a caption out of it.
                MaskBlanking.Apply(image, input.Masks);
                augmenter.Apply(image, augmented, new Random(SampleSeeds.Derive(seed, epoch, first + i)));
                source = augmented;
            }
            preprocessor.Process(source, pixels.AsSpan(filled * length, length));
            labels[filled] = sample.Label;
            paths[filled] = sample.Path;
            filled++;
        }
        if (filled < count)
        {
            Array.Resize(ref labels, filled);
            Array.Resize(ref paths, filled);
        }
        return new Batch(pixels, labels, filled, paths, input.Channels, input.Height, input.Width);
    }

    private Mat? Read(string path)
    {
        try
        {
            var image = Cv2.ImRead(path, ImreadModes.Color);
            if (!image.Empty()) return Shrink(image);
            image.Dispose();
            _failures.TryAdd(path, "could not be decoded");
        }
        catch (Exception e) when (e is OpenCVException or IOException)
        {
            _failures.TryAdd(path, e.Message.Split('\n')[0]);
        }
        return null;
    }

    /// <summary>
    /// Big photos are shrunk to twice the model size first: augmenting megapixels is wasted work.
    /// The same step as FramePreprocessor's own first step (which then leaves the image alone),
    /// so an unaugmented image gives the pipeline's floats exactly.
    /// </summary>
    private Mat Shrink(Mat image)
    {
        if (FramePreprocessor.ShrunkSize(image.Size(), input) is not { } size) return image;
        var small = new Mat();
        Cv2.Resize(image, small, size, 0, 0, InterpolationFlags.Area);
        image.Dispose();
        return small;
    }
}
