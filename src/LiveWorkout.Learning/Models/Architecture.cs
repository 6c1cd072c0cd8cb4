using LiveWorkout.Core.Imaging;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Models;

/// <summary>One architecture of the zoo: its name, constructor, input contract and training defaults.</summary>
public sealed record Architecture(string Name, string Description, InputSpec Input, TrainingDefaults Training, Func<int, Module<Tensor, Tensor>> Factory);
