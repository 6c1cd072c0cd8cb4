using System.Runtime;
using TorchSharp;

namespace LiveWorkout.Learning.Training;

/// <summary>
/// Works around TorchSharp 0.107 freeing a Scalar while libtorch still reads it. Its optimizers
/// hand plain numbers (learning rate, betas, eps) to libtorch as Scalar objects that nothing keeps
/// alive during the native call, so a garbage collection in the middle of a step can finalize one:
/// libtorch then fails with "Unknown scalar type" or reads a wrong number (see dotnet/TorchSharp
/// pull requests #1434 and #1496). No collection runs inside a no-GC region, so the step runs in one.
/// </summary>
public static class SafeOptimizerStep
{
    /// <summary>
    /// Managed allocations allowed during a step before the runtime must collect anyway: the step's
    /// own (a few hundred bytes per parameter tensor) and what other threads, such as the batch
    /// loader, allocate meanwhile.
    /// </summary>
    public const long AllocationBudget = 64L << 20;

    // The no-GC region is process-wide: two trainings stepping at once (parallel tests, say) would
    // both try to start it, and one would end it under the other's step. Steps take turns instead.
    private static readonly Lock Gate = new();

    /// <summary><c>optimizer.step()</c> with no garbage collection while it runs.</summary>
    public static void StepWithoutCollections(this torch.optim.Optimizer optimizer)
    {
        lock (Gate)
        {
            bool region = GCSettings.LatencyMode != GCLatencyMode.NoGCRegion && GC.TryStartNoGCRegion(AllocationBudget);
            try
            {
                optimizer.step();
            }
            finally
            {
                // Another thread may have outspent the budget, which ends the region early.
                if (region && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
            }
        }
    }
}
