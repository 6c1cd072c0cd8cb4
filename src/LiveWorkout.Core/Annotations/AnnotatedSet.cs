namespace LiveWorkout.Core.Annotations;

/// <summary>One labelled set of a clip: a row of <c>&lt;clip&gt;.labels.csv</c>.</summary>
public sealed record AnnotatedSet(TimeSpan Start, TimeSpan End, string Exercise, int Reps, IReadOnlyList<TimeSpan> RepTimes)
{
    public TimeSpan Duration => End - Start;

    /// <summary>
    /// Where in its rep the set is at <paramref name="time"/>, as an angle in radians (-pi to pi):
    /// 0 at a rep's time (the extreme of its motion), -pi and pi where one rep hands over to the
    /// next, linear in between on either side of the rep's time. Rep i spans from halfway after
    /// rep i-1 to halfway before rep i+1; the first starts at the set's start and the last ends at
    /// its end, as in the synthetic world, whose reps follow each other without pause. Null
    /// outside the set or when its rep times are not labelled.
    /// </summary>
    public double? RepPhaseAt(TimeSpan time)
    {
        if (time < Start || time >= End || RepTimes.Count == 0) return null;
        int k = 0;
        while (k < RepTimes.Count - 1 && time >= Boundary(k + 1)) k++;
        double t = time.TotalSeconds, rep = RepTimes[k].TotalSeconds;
        double from = Boundary(k).TotalSeconds, to = Boundary(k + 1).TotalSeconds;
        return t < rep
            ? -Math.PI * (rep > from ? Math.Clamp((rep - t) / (rep - from), 0, 1) : 0)
            : Math.PI * (to > rep ? Math.Clamp((t - rep) / (to - rep), 0, 1) : 0);
    }

    /// <summary>Start of rep <paramref name="k"/> (k = 0 .. count; count is the set's end).</summary>
    private TimeSpan Boundary(int k) =>
        k == 0 ? Start : k == RepTimes.Count ? End : (RepTimes[k - 1] + RepTimes[k]) / 2;
}
