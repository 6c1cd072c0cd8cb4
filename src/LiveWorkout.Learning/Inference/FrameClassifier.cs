using LiveWorkout.Core.Imaging;
using TorchSharp;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Packaging;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Inference;

/// <summary>Class probabilities (softmax, in <see cref="FrameClassifier.Classes"/> order) and embeddings, one row per frame.</summary>
public sealed record ClassifierOutput(float[][] Probabilities, float[][] Embeddings);

/// <summary>
/// Runs a model package on batches of preprocessed frames for the real-time pipeline. Holds its
/// own copy of the network on <see cref="Device"/>; use it from ONE thread (dispose scopes are
/// thread-static). Tensors never leave <see cref="Predict"/>: it returns managed arrays.
/// </summary>
public sealed class FrameClassifier : IDisposable
{
    private readonly Module<Tensor, Tensor> _network;
    private readonly ExerciseNet _net;
    private readonly int _frameLength;

    public FrameClassifier(ModelPackage package, Device device)
    {
        Architecture = package.Architecture;
        Input = package.Input;
        Classes = package.Classes.ToArray();
        Device = device;
        _network = ModelZoo.Create(package.Architecture, Classes.Count);
        _network.load_state_dict(package.Network.state_dict());
        _network.to(device);
        _network.eval();
        _net = (ExerciseNet)_network;
        _frameLength = Input.Channels * Input.Height * Input.Width;
    }

    public string Architecture { get; }
    public InputSpec Input { get; }
    public IReadOnlyList<string> Classes { get; }
    public Device Device { get; }
    public int EmbeddingSize => _net.EmbeddingSize;

    /// <summary>
    /// Classifies <paramref name="count"/> frames laid out as count x C x H x W floats, exactly
    /// as <c>FramePreprocessor</c> writes them for <see cref="Input"/>.
    /// </summary>
    public ClassifierOutput Predict(ReadOnlySpan<float> batch, int count)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "at least one frame is needed");
        if (batch.Length < (long)count * _frameLength)
            throw new ArgumentException($"{count} frames of {Input.Channels}x{Input.Height}x{Input.Width} need {(long)count * _frameLength} floats, got {batch.Length}", nameof(batch));

        using var scope = NewDisposeScope();
        using var mode = inference_mode();
        var input = FromSpan(batch[..(count * _frameLength)], [count, Input.Channels, Input.Height, Input.Width]);
        var onDevice = input.to(Device);
        var embedding = _net.Embed(onDevice);
        var logits = _net.Classify(embedding);
        var probabilities = functional.softmax(logits, 1).cpu();
        var embeddings = embedding.cpu();
        return new ClassifierOutput(Rows(probabilities, count, Classes.Count), Rows(embeddings, count, EmbeddingSize));
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

    public void Dispose() => _network.Dispose();
}
