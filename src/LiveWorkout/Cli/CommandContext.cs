using Microsoft.Extensions.Hosting;

namespace LiveWorkout.Cli;

/// <summary>What every command handler gets from the command line besides its own options.</summary>
public sealed record CommandContext(
    IReadOnlyDictionary<string, string?> ConfigOverrides,
    bool Verbose,
    TextWriter Output,
    TextWriter Error,
    CancellationToken Cancellation);
