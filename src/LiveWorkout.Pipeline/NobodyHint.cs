namespace LiveWorkout.Pipeline;

/// <summary>
/// The advice the overlay shows once the pose stage has found nobody for <see cref="After"/>: a
/// moment without the person (a fast move, a turn, a search under way) shows nothing.
/// </summary>
public sealed class NobodyHint
{
    public static readonly TimeSpan After = TimeSpan.FromSeconds(1.5);

    public const string Text = "Nobody in view: step back until your whole body is in the picture";

    private TimeSpan? _since;

    /// <summary>Takes whether the latest landmarks show a person at <paramref name="now"/>; returns the advice to show, or null.</summary>
    public string? Update(bool personFound, TimeSpan now)
    {
        if (personFound)
        {
            _since = null;
            return null;
        }
        _since ??= now;
        return now - _since.Value >= After ? Text : null;
    }
}
