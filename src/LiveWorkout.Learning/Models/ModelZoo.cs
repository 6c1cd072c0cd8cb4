using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Models;

/// <summary>
/// The architectures LiveWorkout can train and load, by the name stored in model.json.
/// Seed models keep their seeds' input and optimizer; "ours" is the product's default.
/// </summary>
public static class ModelZoo
{
    public const string LeNetName = "lenet";
    public const string AlexNetName = "alexnet";
    public const string KimCnnName = "kimcnn";
    public const string OursName = "ours";

    private static readonly float[] Unit = [0f];
    private static readonly float[] UnitStd = [1f];

    // Seed 1 used ToTensor() only (0..1) and seed 2 rescale=1/255: mean 0, std 1 reproduces both.
    private static readonly Architecture[] Architectures =
    [
        new(LeNetName, "seed 1 LeNet, 1x200x200 gray",
            new InputSpec(200, 200, ColorMode.Gray, Unit, UnitStd),
            new TrainingDefaults(OptimizerNames.Sgd, 0.01, 0.9, 0, ScheduleNames.Constant, 32, "seed1"),
            n => new LeNet(n)),
        new(AlexNetName, "seed 1 AlexNet, 1x224x224 gray",
            new InputSpec(224, 224, ColorMode.Gray, Unit, UnitStd),
            new TrainingDefaults(OptimizerNames.Sgd, 0.01, 0.9, 0, ScheduleNames.Constant, 32, "seed1"),
            n => new AlexNet(n)),
        new(KimCnnName, "seed 2 4-conv CNN, 3x100x100 RGB",
            new InputSpec(100, 100, ColorMode.Rgb, [0f, 0f, 0f], [1f, 1f, 1f]),
            new TrainingDefaults(OptimizerNames.RmsProp, 1e-4, 0, 0, ScheduleNames.Constant, 20, "seed2"),
            n => new KimCnn(n)),
        new(OursName, "ResNet-10-style with batch norm and global average pooling, 3x112x112 RGB",
            new InputSpec(112, 112, ColorMode.Rgb, [0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]),
            new TrainingDefaults(OptimizerNames.AdamW, 2e-3, 0.9, 1e-4, ScheduleNames.Cosine, 32, "full"),
            n => new WorkoutResNet(n)),
    ];

    public static IReadOnlyList<string> Names { get; } = Architectures.Select(a => a.Name).ToArray();

    public static bool IsKnown(string name) => Architectures.Any(a => a.Name == name);

    /// <summary>The architecture called <paramref name="name"/>; a user-fixable error otherwise.</summary>
    public static Architecture Get(string name) =>
        Architectures.FirstOrDefault(a => a.Name == (name ?? "").Trim().ToLowerInvariant())
        ?? throw new InvalidInputException($"unknown architecture '{name}': use one of {string.Join(", ", Names)}");

    /// <summary>A freshly initialised network of the named architecture.</summary>
    public static Module<Tensor, Tensor> Create(string name, int numClasses)
    {
        if (numClasses < 2) throw new InvalidInputException($"a classifier needs at least 2 classes, got {numClasses}");
        Native.TorchRuntime.EnsureLoaded(); // libtorch's process-wide settings before the first layer runs
        return Get(name).Factory(numClasses);
    }
}
