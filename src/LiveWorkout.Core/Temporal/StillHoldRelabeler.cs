using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Temporal;

/// <summary>
/// A rep exercise whose rep phase stands still is its static hold: the classifier may call a
/// plank a push-up (the same pose, the top of a push-up), but in a push-up the phase head's
/// (cos, sin) goes round once per rep, and in a plank it stays near the origin. While the mean
/// phase length over the last <see cref="TemporalOptions.StillPhaseSeconds"/> is below
/// <see cref="TemporalOptions.StillPhaseMagnitude"/>, a frame whose most probable class is an
/// exercise of <see cref="ExerciseCatalog.StillCounterparts"/> hands that probability to its
/// hold. Only then: a frame where the exercise is merely likely (idle on top, the person getting
/// into position) keeps it, so the onset backfill still finds where a push-up set began. It works on
/// the classifier's own frames, before smoothing, so every later step (smoothing, onsets, ends)
/// sees one consistent picture. Frames without a rep phase (a model with no phase head) pass
/// unchanged.
/// </summary>
public sealed class StillHoldRelabeler
{
    private readonly int[]? _holdOf; // per class: the index of its hold, or -1; null when the model has no such pair
    private readonly double _threshold;
    private readonly TimeSpan _window;
    private readonly Queue<(TimeSpan Time, double Magnitude)> _recent = new();
    private double _sum;

    public StillHoldRelabeler(IReadOnlyList<string> classes, TemporalOptions options)
    {
        var holdOf = HoldIndices(classes);
        _holdOf = holdOf.Any(h => h >= 0) ? holdOf : null;
        _threshold = options.StillPhaseMagnitude;
        _window = TimeSpan.FromSeconds(options.StillPhaseSeconds);
    }

    /// <summary>Per class, the index of its still counterpart (<see cref="ExerciseCatalog.StillCounterparts"/>: push-up → plank) among the model's classes, or -1.</summary>
    public static int[] HoldIndices(IReadOnlyList<string> classes)
    {
        string[] names = [.. classes];
        return [.. names.Select(n => ExerciseCatalog.StillCounterparts.TryGetValue(n, out var hold) ? Array.IndexOf(names, hold) : -1)];
    }

    /// <summary>The frame, or a copy whose top class, a rep exercise, handed its probability to its hold.</summary>
    public FramePrediction Push(FramePrediction frame)
    {
        if (_threshold <= 0 || _holdOf is null || frame.RepPhase is not [var cos, var sin]
            || frame.Probabilities.Length != _holdOf.Length) return frame; // the smoother reports a mismatch
        double magnitude = Math.Sqrt(cos * cos + sin * sin);
        _recent.Enqueue((frame.Time, magnitude));
        _sum += magnitude;
        while (_recent.Count > 1 && _recent.Peek().Time <= frame.Time - _window) _sum -= _recent.Dequeue().Magnitude;
        if (_sum / _recent.Count >= _threshold) return frame;

        int top = frame.TopClass;
        int hold = _holdOf[top];
        if (hold < 0) return frame;
        var probabilities = (float[])frame.Probabilities.Clone();
        probabilities[hold] += probabilities[top];
        probabilities[top] = 0;
        return frame with { Probabilities = probabilities };
    }
}
