using System.CommandLine;
using TorchSharp;

namespace LiveWorkout.Commands;

/// <summary>`liveworkout bench …`: throughput figures printed as tables (or JSON), never asserted in tests.</summary>
public static class BenchCommand
{
    /// <summary>--json, shared by every bench: JSON on stdout instead of tables.</summary>
    public static readonly Option<bool> Json = new("--json") { Description = "Print JSON instead of a table" };

    /// <summary>--seconds of bench torch and bench models: how long each row is measured.</summary>
    public static readonly Option<double> RowSeconds = new("--seconds") { Description = "Measuring time per row", DefaultValueFactory = _ => 3.0 };

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
