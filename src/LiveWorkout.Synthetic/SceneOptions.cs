using LiveWorkout.Core;

namespace LiveWorkout.Synthetic;

/// <summary>What scene sampling may do: camera view, camera effects, occlusion and out-of-frame chances.</summary>
public sealed record SceneOptions(CameraView View = CameraView.Any, bool Effects = true, double OcclusionChance = 0.08, double OutOfFrameChance = 0.0)
{
    /// <summary>The share of whole sessions (<c>synth clips</c>, <c>synth frames</c>) with an object between the camera and the person.</summary>
    public const double SessionOcclusionChance = 0.05;

    /// <summary>A session occlusion share (the commands' <c>--occlusion</c>) outside 0-1 is a one-line error.</summary>
    public static void CheckSessionOcclusion(double chance)
    {
        if (chance is < 0 or > 1) throw new InvalidInputException("--occlusion must be between 0 and 1");
    }
}
