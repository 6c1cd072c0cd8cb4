namespace LiveWorkout.Core.Temporal;

/// <summary>
/// The turns of a rep phase, one per rep: a turn is a visit to the rep's extreme (the phase within
/// 60 degrees of 0) after the opposite side (within 60 degrees of 180), stamped where the phase's
/// cos was largest. Frames whose phase is shorter than the magnitude given say nothing: between
/// sets and where the phase head is unsure the phase is short. The first visit needs no opposite
/// side before it, since a set starts at rest, not at its extreme.
/// </summary>
public sealed class PhaseTurns(double minMagnitude)
{
    private static readonly double SectorCos = Math.Cos(Math.PI / 3);
    private readonly List<TimeSpan> _times = [];
    private bool _armed = true;
    private TimeSpan? _visit;
    private double _visitCos;

    /// <summary>Every turn so far, in time order.</summary>
    public IReadOnlyList<TimeSpan> Times => _times;

    /// <summary>Adds a frame's phase (cos, sin); null or empty when the frame has none.</summary>
    public void Add(TimeSpan time, float[]? phase)
    {
        if (phase is not [var c, var s, ..]) return;
        double magnitude = Math.Sqrt(c * c + s * s);
        if (!(magnitude >= minMagnitude)) return;
        double cos = c / magnitude;
        if (cos >= SectorCos)
        {
            if (_visit is null && !_armed) return;
            if (_visit is null || cos > _visitCos) (_visit, _visitCos) = (time, cos);
            _armed = false;
            return;
        }
        Finish();
        if (cos <= -SectorCos) _armed = true;
    }

    /// <summary>Ends a visit to the extreme still open: the set ended there.</summary>
    public void Finish()
    {
        if (_visit is { } visit) _times.Add(visit);
        _visit = null;
    }
}
