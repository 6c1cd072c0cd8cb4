namespace LiveWorkout.Synthetic;

/// <summary>Options of <c>synth clips</c>.</summary>
/// <param name="OcclusionChance">Chance that the session has an object between the camera and the person.</param>
/// <param name="Exercises">The exercises the sets are drawn from (<see cref="Core.ExerciseCatalog.Ten"/> by default).</param>
/// <param name="ExactLandmarks">Also write the landmark features of the synthetic landmarks of every frame to <c>exact-landmarks/&lt;clip&gt;.predictions</c> beside the clip.</param>
public sealed record ClipOptions(int Width = 640, int Height = 480, double DurationSeconds = 60, double Fps = 30, bool Joints = false, bool CameraEffects = true,
    double OcclusionChance = SceneOptions.SessionOcclusionChance, CameraView View = CameraView.Any, IReadOnlyList<string>? Exercises = null, bool ExactLandmarks = false);
