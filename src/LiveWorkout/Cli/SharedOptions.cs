using LiveWorkout.Pipeline;
using System.CommandLine;

namespace LiveWorkout.Cli;

/// <summary>
/// Options that several commands take, declared once. Each overrides a configuration key for one
/// run: <see cref="LiveWorkoutCli.Context"/> reads whichever of them the command has.
/// </summary>
public static class SharedOptions
{
    /// <summary>--model: the model package, for Model:Path.</summary>
    public static readonly Option<string?> Model = new("--model") { Description = "Model package folder (default: Model:Path)" };

    /// <summary>--device: where libtorch runs, for Model:Device.</summary>
    public static readonly Option<string?> Device = new("--device") { Description = "auto, cpu, cuda or cuda:N (default: Model:Device)" };

    /// <summary>The configuration key each shared option sets.</summary>
    public static IReadOnlyList<(Option<string?> Option, string Key)> Keys { get; } =
    [
        (Model, ModelOptions.Section + ":Path"),
        (Device, ModelOptions.Section + ":Device"),
    ];
}
