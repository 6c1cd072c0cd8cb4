using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Models;

/// <summary>
/// ResNet's basic block: two 3x3 conv-BN layers with an identity (or 1x1 strided conv-BN)
/// shortcut. Dense 3x3 convolutions rather than depthwise ones because libtorch's CPU kernels
/// run them far faster per MAC, which matters for training without a GPU.
/// </summary>
public sealed class ResidualBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? shortcut;

    public ResidualBlock(int inChannels, int outChannels, int stride) : base(nameof(ResidualBlock))
    {
        conv1 = Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn1 = BatchNorm2d(outChannels);
        conv2 = Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = BatchNorm2d(outChannels);
        if (stride != 1 || inChannels != outChannels)
            shortcut = Sequential(Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), BatchNorm2d(outChannels));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var c1 = conv1.call(input);
        using var b1 = bn1.call(c1);
        using var r1 = functional.relu(b1);
        using var c2 = conv2.call(r1);
        using var b2 = bn2.call(c2);
        using var skip = shortcut is null ? input.alias() : shortcut.call(input);
        using var sum = b2.add(skip);
        return functional.relu(sum);
    }
}
