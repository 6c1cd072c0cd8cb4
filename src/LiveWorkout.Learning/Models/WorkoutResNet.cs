using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Models;

/// <summary>
/// LiveWorkout's own classifier ("ours"): a ResNet-10-style net on 3x112x112 RGB. A 5x5
/// stride-2 stem and max pooling bring the frame to 28x28 cheaply; four stages of one basic
/// residual block each (32, 64, 128, 256 channels) with batch norm; global average pooling
/// gives a 256-wide embedding that does not depend on where the person stands. About 88M
/// MACs per image, under seed 2's CNN (92M), with about 1.6M parameters.
/// </summary>
public sealed class WorkoutResNet : ExerciseNet
{
    private readonly Sequential stem;
    private readonly Sequential stages;
    private readonly AdaptiveAvgPool2d pool;
    private readonly Dropout dropout;
    private readonly Linear head;

    public WorkoutResNet(int numClasses) : base(nameof(WorkoutResNet))
    {
        stem = Sequential(
            Conv2d(3, 32, 5, stride: 2, padding: 2, bias: false), BatchNorm2d(32), ReLU(),
            MaxPool2d(kernel_size: 3, stride: 2, padding: 1));
        stages = Sequential(
            new ResidualBlock(32, 32, 1),
            new ResidualBlock(32, 64, 2), new ResidualBlock(64, 64, 1),
            new ResidualBlock(64, 128, 2), new ResidualBlock(128, 128, 1),
            new ResidualBlock(128, 256, 2));
        pool = AdaptiveAvgPool2d(1);
        dropout = Dropout(0.2);
        head = Linear(256, numClasses);
        RegisterComponents();
    }

    public override int EmbeddingSize => 256;

    public override Tensor Embed(Tensor input)
    {
        using var s = stem.call(input);
        using var f = stages.call(s);
        using var p = pool.call(f);
        return p.flatten(1);
    }

    public override Tensor Classify(Tensor embedding)
    {
        using var d = dropout.call(embedding);
        return head.call(d);
    }
}
