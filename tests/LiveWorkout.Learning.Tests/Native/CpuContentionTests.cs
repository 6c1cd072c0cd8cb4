using LiveWorkout.Learning.Native;

namespace LiveWorkout.Learning.Tests.Native;

public sealed class CpuContentionTests
{
    [Fact]
    public void A_busy_cpu_gets_one_line_that_says_what_to_do()
    {
        string? line = CpuContention.Warning(6.1, 2, onCpu: true);
        Assert.NotNull(line);
        Assert.DoesNotContain('\n', line);
        Assert.Contains("load average 6.1 over the last minute on 2 cores", line);
        Assert.Contains("let other jobs finish first", line);
    }

    [Theory]
    [InlineData(0.4, true)]   // an idle machine
    [InlineData(6.1, false)]  // a GPU run does not share the CPU's cores
    [InlineData(null, true)]  // no load average (not Linux)
    public void No_warning_when_the_cores_are_free_or_not_used(double? load, bool onCpu) =>
        Assert.Null(CpuContention.Warning(load, 2, onCpu));

    [LinuxFact]
    public void Linux_reports_a_load_average() => Assert.True(CpuContention.LoadAverage() is >= 0);
}
