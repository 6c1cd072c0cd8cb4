using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Models;

/// <summary>
/// The 4-conv CNN of seed 2 (Kim, "Exercise Activity Classification using CNNs"): 3x100x100
/// RGB, conv 32/64/128/128 (3x3, valid) each followed by 2x2 max pooling, dense 512,
/// dropout 0.5. With 4 classes it has the paper's 1,291,972 parameters.
/// </summary>
public sealed class KimCnn : ExerciseNet
{
    private readonly Sequential features;
    private readonly Sequential classifier;
    private readonly Linear head;

    public KimCnn(int numClasses) : base(nameof(KimCnn))
    {
        features = Sequential(
            Conv2d(3, 32, 3), ReLU(), MaxPool2d(2),
            Conv2d(32, 64, 3), ReLU(), MaxPool2d(2),
            Conv2d(64, 128, 3), ReLU(), MaxPool2d(2),
            Conv2d(128, 128, 3), ReLU(), MaxPool2d(2),
            Flatten());
        classifier = Sequential(Dropout(0.5), Linear(4 * 4 * 128, 512), ReLU());
        head = Linear(512, numClasses);
        RegisterComponents();
    }

    public override int EmbeddingSize => 512;

    public override Tensor Embed(Tensor input)
    {
        using var f = features.call(input);
        return classifier.call(f);
    }

    public override Tensor Classify(Tensor embedding) => head.call(embedding);
}
