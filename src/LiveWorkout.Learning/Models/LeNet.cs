using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Models;

/// <summary>
/// Seed 1's LeNet variant, layer for layer: 1x200x200 grayscale, an 11x11 first convolution
/// (padding 2), average pooling, ReLU, Linear(33856, 120), Linear(120, 84), dropout 0.6.
/// The embedding is the 84-wide layer before dropout.
/// </summary>
public sealed class LeNet : ExerciseNet
{
    private readonly Sequential features;
    private readonly Sequential classifier;
    private readonly Dropout dropout;
    private readonly Linear head;

    public LeNet(int numClasses) : base(nameof(LeNet))
    {
        features = Sequential(
            Conv2d(1, 6, kernel_size: 11, padding: 2), ReLU(),
            AvgPool2d(kernel_size: 2, stride: 2),
            Conv2d(6, 16, kernel_size: 5), ReLU(),
            AvgPool2d(kernel_size: 2, stride: 2),
            Flatten());
        classifier = Sequential(Linear(33856, 120), ReLU(), Linear(120, 84), ReLU());
        dropout = Dropout(0.6);
        head = Linear(84, numClasses);
        RegisterComponents();
    }

    public override int EmbeddingSize => 84;

    public override Tensor Embed(Tensor input)
    {
        using var f = features.call(input);
        return classifier.call(f);
    }

    public override Tensor Classify(Tensor embedding)
    {
        using var d = dropout.call(embedding);
        return head.call(d);
    }
}
