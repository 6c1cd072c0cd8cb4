using System.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Training;

/// <summary>
/// Works around TorchSharp 0.107 freeing a Scalar while libtorch still reads it. TorchSharp turns
/// plain numbers into Scalar objects that nothing keeps alive during the native call, so a garbage
/// collection in the middle of the call can finalize one: libtorch then fails with "Unknown scalar
/// type" or reads a wrong number (see dotnet/TorchSharp pull requests #1434 and #1496). Training
/// makes such calls in two places: the optimizers' updates (learning rate, betas, eps) and every
/// batch-norm layer's forward pass in training mode (<c>num_batches_tracked.add_(1)</c>). No
/// collection runs inside a no-GC region, so a whole training step (forward, loss, backward,
/// update) runs in one.
/// </summary>
public static class SafeTrainingStep
{
    /// <summary>
    /// Managed allocations allowed during a step before the runtime must collect anyway: the step's
    /// own (tensor wrappers, a few hundred bytes per parameter tensor and layer) and what other
    /// threads, such as the batch loader (about 5 MB a batch of 32 images), allocate meanwhile.
    /// </summary>
    public const long AllocationBudget = 64L << 20;

    // The no-GC region is process-wide: two trainings stepping at once (parallel tests, say) would
    // both try to start it, and one would end it under the other's step. Steps take turns instead.
    private static readonly Lock Gate = new();

    /// <summary>
    /// One training step with no garbage collection while it runs: zeroes the gradients, computes
    /// the loss with <paramref name="lossOf"/> (the forward pass), back-propagates and updates.
    /// </summary>
    /// <returns>The loss.</returns>
    public static Tensor Step(torch.optim.Optimizer optimizer, Func<Tensor> lossOf)
    {
        lock (Gate)
        {
            bool region = GCSettings.LatencyMode != GCLatencyMode.NoGCRegion && GC.TryStartNoGCRegion(AllocationBudget);
            try
            {
                optimizer.zero_grad();
                var loss = lossOf();
                loss.backward();
                optimizer.step();
                return loss;
            }
            finally
            {
                // Another thread may have outspent the budget, which ends the region early.
                if (region && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
            }
        }
    }
}
