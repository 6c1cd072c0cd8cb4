using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Models;

/// <summary>
/// Seed 1's AlexNet on 1x224x224 grayscale, as in its code: conv 96 (11x11, stride 4),
/// 256 (5x5), 384, 384, 256 (3x3) with 3x3/2 max pooling, then FC 6400-4096-4096 with two
/// dropouts of 0.5. The embedding is the second 4096-wide layer, before its dropout.
/// </summary>
public sealed class AlexNet : ExerciseNet
{
    private readonly Sequential features;
    private readonly Sequential classifier;
    private readonly Dropout dropout;
    private readonly Linear head;

    public AlexNet(int numClasses) : base(nameof(AlexNet))
    {
        features = Sequential(
            Conv2d(1, 96, kernel_size: 11, stride: 4, padding: 1), ReLU(),
            MaxPool2d(kernel_size: 3, stride: 2),
            Conv2d(96, 256, kernel_size: 5, padding: 2), ReLU(),
            MaxPool2d(kernel_size: 3, stride: 2),
            Conv2d(256, 384, kernel_size: 3, padding: 1), ReLU(),
            Conv2d(384, 384, kernel_size: 3, padding: 1), ReLU(),
            Conv2d(384, 256, kernel_size: 3, padding: 1), ReLU(),
            MaxPool2d(kernel_size: 3, stride: 2),
            Flatten());
        classifier = Sequential(
            Linear(6400, 4096), ReLU(),
            Dropout(0.5),
            Linear(4096, 4096), ReLU());
        dropout = Dropout(0.5);
        head = Linear(4096, numClasses);
        RegisterComponents();
    }

    public override int EmbeddingSize => 4096;

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
