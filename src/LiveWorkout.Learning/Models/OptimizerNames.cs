namespace LiveWorkout.Learning.Models;

/// <summary>Optimizer names the trainer understands.</summary>
public static class OptimizerNames
{
    public const string Sgd = "sgd";
    public const string Adam = "adam";
    public const string AdamW = "adamw";
    public const string RmsProp = "rmsprop";
    public static IReadOnlyList<string> All { get; } = [Sgd, Adam, AdamW, RmsProp];
}
