using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Models;

/// <summary>
/// A classifier that also exposes its penultimate layer: the pipeline uses the embedding to
/// compare frames (e.g. rep phases), and forward is always Classify(Embed(x)).
/// </summary>
public abstract class ExerciseNet(string name) : Module<Tensor, Tensor>(name)
{
    /// <summary>Width of the penultimate-layer embedding.</summary>
    public abstract int EmbeddingSize { get; }

    /// <summary>Batch N x C x H x W to embeddings N x <see cref="EmbeddingSize"/>.</summary>
    public abstract Tensor Embed(Tensor input);

    /// <summary>Embeddings to class logits N x classes.</summary>
    public abstract Tensor Classify(Tensor embedding);

    public sealed override Tensor forward(Tensor input)
    {
        using var embedding = Embed(input);
        return Classify(embedding);
    }
}
