using System.CommandLine;
using TorchSharp;

namespace LiveWorkout.Commands;

/// <summary>`liveworkout bench …`: throughput figures printed as tables (or JSON), never asserted in tests.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure throughput: torch (CNN images/s), synth (frames/s), pipeline (replay fps, latency)");
        bench.Subcommands.Add(TorchBench.Create());
        bench.Subcommands.Add(SynthBench.Create());
        bench.Subcommands.Add(ModelsBench.Create());
        bench.Subcommands.Add(PipelineBench.Create());
        return bench;
    }
}
