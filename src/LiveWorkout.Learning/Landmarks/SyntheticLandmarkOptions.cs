namespace LiveWorkout.Learning.Landmarks;

/// <summary>Settings of <see cref="SyntheticLandmarkClips"/>.</summary>
/// <param name="Sessions">Synthetic sessions, one clip each.</param>
/// <param name="Seed">Seed of the first session; session k uses Seed + k.</param>
/// <param name="DurationSeconds">Length of each session at its own tempo.</param>
/// <param name="StepSeconds">Time between the frames kept (the sequence model's step).</param>
/// <param name="Augment">Make the exact joints look like a pose model's output (<see cref="LandmarkAugmenter"/>).</param>
/// <param name="MinTempo">Slowest playback of a session (0.5 = everything twice as slow); each clip draws its own between this and <paramref name="MaxTempo"/>.</param>
/// <param name="Exercises">The classes the sessions are drawn from and the model learns, idle last (<see cref="Core.ExerciseCatalog.Ten"/> by default).</param>
/// <param name="HoldShare">Share of sessions in which the person now and then stops mid-rep and holds still (see <see cref="SyntheticLandmarkClips"/>).</param>
/// <param name="ShortClipShare">Share of sessions cut into short clips, as short videos show exercise (see <see cref="ShortClips"/>).</param>
/// <param name="IdleExercises">Exercises outside <paramref name="Exercises"/> that a share of the sessions also draws sets of, labelled idle: the model learns them as none of its own.</param>
/// <param name="IdleExerciseShare">Share of the sessions that draw <paramref name="IdleExercises"/> too.</param>
public sealed record SyntheticLandmarkOptions(int Sessions, int Seed, double DurationSeconds = 75, double StepSeconds = SyntheticLandmarkOptions.DefaultStepSeconds, bool Augment = true,
    double MinTempo = 0.45, double MaxTempo = 1.25, double HoldShare = 0, IReadOnlyList<string>? Exercises = null, double ShortClipShare = 0,
    IReadOnlyList<string>? IdleExercises = null, double IdleExerciseShare = 0)
{
    /// <summary>The sequence model's step, seconds: what train-landmarks trains on and what labelled clips are read at.</summary>
    public const double DefaultStepSeconds = 0.1;
}
