using LiveWorkout.Core.Temporal;

namespace LiveWorkout.Core.Tests.Temporal;

public sealed class PhaseTurnsTests
{
    /// <summary>Feeds a phase of the given angle (radians) and length at 15 frames a second.</summary>
    private static PhaseTurns Turns(Func<double, (double Angle, double Length)> phaseAt, double seconds, double minMagnitude = 0.3, int seed = 1)
    {
        var rng = new Random(seed);
        var turns = new PhaseTurns(minMagnitude);
        for (int i = 0; i < seconds * 15; i++)
        {
            double t = i / 15.0;
            var (angle, length) = phaseAt(t);
            turns.Add(TimeSpan.FromSeconds(t), [(float)(length * Math.Cos(angle) + 0.1 * (rng.NextDouble() - 0.5)), (float)(length * Math.Sin(angle) + 0.1 * (rng.NextDouble() - 0.5))]);
        }
        turns.Finish();
        return turns;
    }

    [Fact]
    public void Each_turn_is_one_rep_stamped_where_the_phase_passes_zero()
    {
        // Six reps from rest (phase -90 degrees), 2 s each: the extremes at 0.5, 2.5, ... 10.5 s.
        var turns = Turns(t => (2 * Math.PI * t / 2 - Math.PI / 2, 0.8), 12);

        Assert.Equal(6, turns.Times.Count);
        Assert.All(turns.Times.Select((time, k) => (time, k)), p => Assert.InRange(p.time.TotalSeconds, 0.5 + 2 * p.k - 0.1, 0.5 + 2 * p.k + 0.1));
    }

    [Fact]
    public void Reps_of_uneven_length_are_each_one_turn()
    {
        // Lengths 1.5 to 5 s: there is no one period, but every rep is one turn.
        double[] lengths = [2, 5, 1.5, 3.5, 2, 4.5];
        var starts = lengths.Select((_, k) => lengths.Take(k).Sum()).ToArray();
        var turns = Turns(t =>
        {
            int k = Math.Min(Array.FindLastIndex(starts, s => s <= t), lengths.Length - 1);
            return (2 * Math.PI * (t - starts[k]) / lengths[k] - Math.PI / 2, 0.8);
        }, lengths.Sum());

        Assert.Equal(lengths.Length, turns.Times.Count);
    }

    [Fact]
    public void A_short_phase_or_one_that_wobbles_about_zero_turns_no_more()
    {
        // Below the magnitude: nothing. Wobbling by 80 degrees about zero, never reaching the far side: one visit.
        Assert.Empty(Turns(t => (2 * Math.PI * t / 2, 0.2), 10).Times);
        Assert.Single(Turns(t => (1.4 * Math.Sin(2 * Math.PI * t), 0.8), 10).Times);
    }
}
