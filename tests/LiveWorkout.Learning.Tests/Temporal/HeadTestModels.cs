namespace LiveWorkout.Learning.Tests.Temporal;

/// <summary>The small model and head shape that the temporal- and phase-head tests build packages from.</summary>
internal static class HeadTestModels
{
    public static readonly string[] Classes = ["squat", "plank", "idle"];
    public static readonly InputSpec Small = ModelZoo.Get(ModelZoo.OursName).Input with { Width = 32, Height = 32 };

    /// <summary>6 embeddings 0.2 s apart, 16 wide, the classified frame 0.4 s before the newest.</summary>
    public static readonly TemporalHeadSpec Spec = new(6, 0.2, 16, 0.4);
}
