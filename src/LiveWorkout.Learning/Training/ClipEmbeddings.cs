using System.Security.Cryptography;
using System.Text;
using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Vision.Capture;
using LiveWorkout.Vision.Preprocessing;
using OpenCvSharp;

namespace LiveWorkout.Learning.Training;

/// <summary>
/// Reads labelled clips the way replay does (OpenCV decoding, the model's own preprocessing,
/// media time = the frame's own, as replay gives it) and runs the CNN on every n-th frame. Results can be cached
/// per clip, keyed by the clip, the weights and the stride, so trying head settings is cheap.
/// </summary>
public static class ClipEmbeddings
{
    private const string CacheMagic = "LWEMB1";

    /// <param name="motion">Motion features to add after each embedding, as a temporal head with this <see cref="TemporalHeadSpec.Motion"/> sees them; null for none.</param>
    public static ClipEmbeddingSeries Extract(FrameClassifier classifier, string clip, ClipAnnotation labels, int every, MotionSpec? motion = null, int batchSize = 32, CancellationToken cancellation = default)
    {
        if (classifier.TemporalHead is not null) throw new ArgumentException("extract embeddings with a classifier that ignores its temporal head", nameof(classifier));
        if (every < 1) throw new ArgumentOutOfRangeException(nameof(every), every, "every must be at least 1");
        var classIndex = ClassIndex(clip, labels, classifier.Classes);

        using var reader = FrameReaders.OpenFile(clip);
        using var preprocessor = new FramePreprocessor(classifier.Input);
        int length = preprocessor.Length;
        var batch = new float[batchSize * length];
        var times = new List<double>();
        var predicted = new List<int>();
        var embeddings = new List<float>();
        var batchTimes = new List<double>(batchSize);
        var motionFeatures = motion is null ? null : new MotionFeatures(motion, classifier.Input);
        var batchMotion = new float[batchSize * (motion?.Features ?? 0)];

        void Flush()
        {
            if (batchTimes.Count == 0) return;
            var output = classifier.Predict(batch, batchTimes.Count);
            for (int i = 0; i < batchTimes.Count; i++)
            {
                times.Add(batchTimes[i]);
                predicted.Add(FramePrediction.TopIndex(output.Probabilities[i]));
                embeddings.AddRange(output.Embeddings[i]);
                if (motion is not null) embeddings.AddRange(batchMotion.AsSpan(i * motion.Features, motion.Features));
            }
            batchTimes.Clear();
        }

        using var frame = new Mat();
        for (long index = 0; reader.Read(frame) && !frame.Empty(); index++)
        {
            cancellation.ThrowIfCancellationRequested();
            var time = reader.MediaTimeOf(index);
            double seconds = time.TotalSeconds;
            if (index % every != 0)
            {
                preprocessor.Track(frame, time); // the person tracker samples on its own time grid
                continue;
            }
            var input = batch.AsSpan(batchTimes.Count * length, length);
            preprocessor.ProcessInSequence(frame, time, input);
            // Motion is measured on each stored frame as it comes, against the stored frame 0.2 s before:
            // replay measures it on every frame, but picks the same pairs (--every 3 at 30 fps stores one frame per 0.1 s).
            motionFeatures?.Compute(input, seconds, batchMotion.AsSpan(batchTimes.Count * motion!.Features, motion.Features));
            batchTimes.Add(seconds);
            if (batchTimes.Count == batchSize) Flush();
        }
        Flush();
        if (times.Count == 0) throw new InvalidInputException($"no frames could be read from '{clip}': check the file, or leave it out");
        double[] frameTimes = [.. times];
        return new ClipEmbeddingSeries(clip, frameTimes, LabelsAt(frameTimes, labels, classIndex), [.. predicted], [.. embeddings], classifier.EmbeddingSize + (motion?.Features ?? 0),
            PhaseTargetsAt(frameTimes, labels));
    }

    /// <summary>
    /// <see cref="Extract"/>, or the cached result in <paramref name="cacheFolder"/> if it was made
    /// from the same clip, weights, stride and motion features (<paramref name="fromCache"/>); labels always come from
    /// <paramref name="labels"/>, so a corrected labels file needs no new embeddings.
    /// </summary>
    public static ClipEmbeddingSeries ExtractCached(FrameClassifier classifier, string weightsFile, string clip, ClipAnnotation labels, int every, MotionSpec? motion, string cacheFolder, out bool fromCache, CancellationToken cancellation = default)
    {
        string key = CacheKey(weightsFile, clip, every, motion);
        // string.GetHashCode differs between processes: the file name needs a stable hash of the key.
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        string path = Path.Combine(cacheFolder, $"{Path.GetFileNameWithoutExtension(clip)}-{hash}.emb");
        fromCache = TryRead(path, key, clip, out var cached);
        if (fromCache) return cached with { Labels = LabelsAt(cached.Times, labels, ClassIndex(clip, labels, classifier.Classes)), PhaseTargets = PhaseTargetsAt(cached.Times, labels) };
        var series = Extract(classifier, clip, labels, every, motion, cancellation: cancellation);
        Directory.CreateDirectory(cacheFolder);
        Write(path + ".tmp", key, series);
        File.Move(path + ".tmp", path, overwrite: true);
        return series;
    }

    /// <summary>The model's class indices by name, once the clip's labels and the idle between sets are known to be among them.</summary>
    private static Dictionary<string, int> ClassIndex(string clip, ClipAnnotation labels, IReadOnlyList<string> classes)
    {
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        foreach (var set in labels.Sets)
            if (!index.ContainsKey(set.Exercise))
                throw new InvalidInputException($"{clip}: labels name '{set.Exercise}', which the model does not know ({string.Join(", ", classes)}); train the head with clips of the model's classes");
        if (!index.ContainsKey(ExerciseCatalog.Idle))
            throw new InvalidInputException($"the model has no '{ExerciseCatalog.Idle}' class, which a temporal head needs for the time between sets");
        return index;
    }

    private static int[] LabelsAt(double[] times, ClipAnnotation labels, Dictionary<string, int> classIndex) =>
        times.Select(t => classIndex[labels.LabelAt(TimeSpan.FromSeconds(t))]).ToArray();

    /// <summary>The <see cref="ClipEmbeddingSeries.PhaseTargets"/> of frames at these times.</summary>
    public static float[] PhaseTargetsAt(double[] times, ClipAnnotation labels)
    {
        var targets = new float[2 * times.Length];
        for (int i = 0; i < times.Length; i++)
        {
            var time = TimeSpan.FromSeconds(times[i]);
            var set = labels.SetAt(time);
            (float cos, float sin) = set switch
            {
                null or { Reps: 0 } => (0f, 0f),
                _ when set.RepPhaseAt(time) is { } phase => ((float)Math.Cos(phase), (float)Math.Sin(phase)),
                _ => (float.NaN, float.NaN),
            };
            targets[2 * i] = cos;
            targets[2 * i + 1] = sin;
        }
        return targets;
    }

    private static string CacheKey(string weightsFile, string clip, int every, MotionSpec? motion)
    {
        var w = new FileInfo(weightsFile);
        var c = new FileInfo(clip);
        string key = $"{Path.GetFullPath(clip)}|{c.Length}|{c.LastWriteTimeUtc.Ticks}|{w.Length}|{w.LastWriteTimeUtc.Ticks}|{every}";
        // Caches made before motion features keep their keys.
        return motion is null ? key : FormattableString.Invariant($"{key}|motion {motion.Grid} {motion.Seconds}");
    }

    private static void Write(string path, string key, ClipEmbeddingSeries s)
    {
        using var writer = new BinaryWriter(File.Create(path), Encoding.UTF8);
        writer.Write(CacheMagic);
        writer.Write(key);
        writer.Write(s.Count);
        writer.Write(s.EmbeddingSize);
        foreach (double t in s.Times) writer.Write(t);
        foreach (int p in s.FramePredicted) writer.Write(p);
        foreach (float e in s.Embeddings) writer.Write(e);
    }

    private static bool TryRead(string path, string key, string clip, out ClipEmbeddingSeries series)
    {
        var read = Read(path);
        series = read is { } r && r.Key == key ? r.Series with { Clip = clip } : null!;
        return series is not null;
    }

    /// <summary>
    /// A cache file of <see cref="ExtractCached"/> as it is, for studies of what a CNN saw (rep
    /// counting on perfect labels, say, in scripts/rep-study.cs): the series of the clip it was made
    /// from, whose labels are left empty; null when the file is not such a cache or is torn.
    /// </summary>
    public static ClipEmbeddingSeries? ReadCacheFile(string path) => Read(path) is { } r ? r.Series with { Clip = r.Key.Split('|')[0] } : null;

    private static (string Key, ClipEmbeddingSeries Series)? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != CacheMagic) return null;
            string key = reader.ReadString();
            int n = reader.ReadInt32(), e = reader.ReadInt32();
            var times = new double[n];
            var predicted = new int[n];
            var embeddings = new float[(long)n * e];
            for (int i = 0; i < n; i++) times[i] = reader.ReadDouble();
            for (int i = 0; i < n; i++) predicted[i] = reader.ReadInt32();
            for (long i = 0; i < embeddings.Length; i++) embeddings[i] = reader.ReadSingle();
            return (key, new ClipEmbeddingSeries(path, times, new int[n], predicted, embeddings, e));
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException)
        {
            return null; // a torn cache file is made again
        }
    }
}
