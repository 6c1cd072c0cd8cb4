using static TorchSharp.torch;

namespace LiveWorkout.Learning.Models;

/// <summary>
/// A classifier that also exposes its penultimate layer: the pipeline uses the embedding to
/// compare frames (e.g. rep phases), and forward is always Classify(Embed(x)).
/// </summary>
public interface IExerciseNet
{
    /// <summary>Width of the penultimate-layer embedding.</summary>
    int EmbeddingSize { get; }

    /// <summary>Batch N x C x H x W to embeddings N x <see cref="EmbeddingSize"/>.</summary>
    Tensor Embed(Tensor input);

    /// <summary>Embeddings to class logits N x classes.</summary>
    Tensor Classify(Tensor embedding);
}
