namespace LiveWorkout.Learning.Packaging;

/// <summary>
/// A second landmark package whose exercises a landmark package adds to its own
/// (<see cref="ModelManifest.MoreExercises"/>): the package keeps every frame it gives one of its
/// exercises, and a frame it calls idle is shared out between idle and the second package's other
/// exercises as the second package weighs them. So the default model names a bench press without
/// calling any of its own exercises less often.
/// </summary>
/// <param name="Package">The second package's folder, relative to this package's folder (e.g. <c>../landmarks-all</c>).</param>
public sealed record MoreExercisesSpec(string Package);
