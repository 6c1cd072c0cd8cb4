using Microsoft.Extensions.Hosting;

namespace LiveWorkout.Cli;

/// <summary>Exit codes every command shares.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadConfiguration = 2;
    public const int Interrupted = 130;
}
