using LiveWorkout.Learning.Models;

namespace LiveWorkout.Learning.Inference;

/// <summary>
/// Which frames a <see cref="TemporalHead"/> sees when it classifies a frame. The window's newest
/// frame is the latest one at or before (frame time + look-ahead); step k back from it is the
/// latest frame at or before (newest time - k x step); before the first frame the first frame
/// stands in, as it does at the start of a live session, and after the last frame of an ended
/// source the last frame stands in, so every frame keeps its own place in its window (its
/// <see cref="TemporalHeadSpec.FocusStep"/>). Training and inference both pick windows here, so
/// they cannot drift apart.
/// </summary>
public static class TemporalWindow
{
    /// <summary>Tolerance for frame times that are a step apart but not exactly (30 fps media time).</summary>
    public const double ToleranceSeconds = 1e-3;

    /// <summary>The newest frame of the window that classifies <paramref name="frame"/>: <paramref name="times"/> are ascending seconds.</summary>
    public static int Newest(IReadOnlyList<double> times, int frame, TemporalHeadSpec spec)
    {
        double until = times[frame] + spec.LookAheadSeconds + ToleranceSeconds;
        int j = frame;
        while (j + 1 < times.Count && times[j + 1] <= until) j++;
        return j;
    }

    /// <summary>
    /// Fills <paramref name="indices"/> (oldest first, length <see cref="TemporalHeadSpec.Steps"/>)
    /// with indices into <paramref name="times"/> for the window whose newest frame is <paramref name="newest"/>.
    /// </summary>
    public static void Indices(IReadOnlyList<double> times, int newest, TemporalHeadSpec spec, Span<int> indices) =>
        Indices(times, newest, times[newest], spec, indices);

    /// <summary>
    /// <see cref="Indices(IReadOnlyList{double}, int, TemporalHeadSpec, Span{int})"/> with the window's
    /// newest step at time <paramref name="until"/>, which may lie after the newest frame: the steps
    /// after it take the newest frame.
    /// </summary>
    private static void Indices(IReadOnlyList<double> times, int newest, double until, TemporalHeadSpec spec, Span<int> indices)
    {
        int steps = spec.Steps;
        if (indices.Length != steps) throw new ArgumentException($"{steps} indices are needed, got {indices.Length}", nameof(indices));
        int j = newest;
        for (int k = 0; k < steps; k++)
        {
            double target = until - k * spec.StepSeconds + ToleranceSeconds;
            while (j > 0 && times[j] > target) j--;
            indices[steps - 1 - k] = j;
        }
    }

    /// <summary>
    /// The window that classifies <paramref name="frame"/>, once every frame it needs has arrived or
    /// the source has ended: within a source it ends at the newest frame of the look-ahead; where
    /// the source ended sooner, it ends a look-ahead after the frame, the last frame standing in.
    /// </summary>
    public static void ForFrame(IReadOnlyList<double> times, int frame, TemporalHeadSpec spec, Span<int> indices)
    {
        int newest = Newest(times, frame, spec);
        double until = times[frame] + spec.LookAheadSeconds;
        bool endedSooner = newest == times.Count - 1 && times[newest] < until - ToleranceSeconds;
        Indices(times, newest, endedSooner ? until : times[newest], spec, indices);
    }
}
