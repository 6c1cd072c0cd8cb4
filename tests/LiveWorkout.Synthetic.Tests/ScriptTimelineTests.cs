using LiveWorkout.Core;
using LiveWorkout.Synthetic;

namespace LiveWorkout.Synthetic.Tests;

public sealed class SessionTimelineTests
{
    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 60)]
    [InlineData(3, 45)]
    [InlineData(4, 120)]
    public void Label_rows_and_idle_gaps_tile_the_clip(int seed, double duration)
    {
        var rng = new Random(seed);
        var timeline = new ScriptTimeline(SessionScript.Random(rng, duration, new Random(seed + 100)), rng);
        var spans = timeline.Spans();

        Assert.NotEmpty(timeline.Labels.Sets);
        Assert.Equal(0, spans[0].Start);
        Assert.Equal(duration, spans[^1].End, 9);
        for (int i = 1; i < spans.Count; i++) Assert.Equal(spans[i - 1].End, spans[i].Start, 9);
        Assert.All(spans, s => Assert.True(s.End > s.Start, $"empty span at {s.Start}"));
        Assert.Equal(duration, spans.Sum(s => s.End - s.Start), 6);
        Assert.True(timeline.Labels.Sets[^1].End.TotalSeconds <= duration);

        // The saved form tiles the same way (rounded to milliseconds): no overlap, nothing past the end.
        var reloaded = Core.Annotations.ClipAnnotation.Parse(timeline.Labels.ToCsv().Split('\n'));
        Assert.Equal(timeline.Labels.Sets.Count, reloaded.Sets.Count);
        Assert.True(reloaded.Sets[^1].End.TotalSeconds <= duration);
        foreach (var set in reloaded.Sets)
        {
            Assert.Contains(set.Exercise, ExerciseCatalog.All);
            Assert.False(ExerciseCatalog.IsIdle(set.Exercise));
            Assert.Equal(set.Reps, set.RepTimes.Count);
            Assert.All(set.RepTimes, t => Assert.InRange(t, set.Start, set.End));
        }
    }

    [Fact]
    public void Random_sessions_include_rests_idle_activities_and_direct_switches()
    {
        bool direct = false, idleBetween = false;
        for (int seed = 0; seed < 10; seed++)
        {
            var script = SessionScript.Random(new Random(seed), 120, new Random(seed + 100));
            for (int i = 1; i < script.Segments.Count; i++)
            {
                if (script.Segments[i] is SetSegment && script.Segments[i - 1] is SetSegment) direct = true;
                if (script.Segments[i] is IdleSegment && script.Segments[i - 1] is SetSegment) idleBetween = true;
            }
        }
        Assert.True(direct && idleBetween);
    }
}
