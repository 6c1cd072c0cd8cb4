using static TorchSharp.torch;

namespace LiveWorkout.Learning.Tests.Training;

/// <summary>
/// TorchSharp 0.107's optimizers can have a Scalar finalized while libtorch reads it, when a
/// garbage collection falls inside the step. Another thread allocating without pause makes
/// collections frequent enough that plain <c>optimizer.step()</c> fails within seconds here
/// ("Unknown scalar type" or "Expected false to be true ... toFloat"); one several thousand times
/// faster outspends any no-GC budget and is beyond what the fix can promise. It runs alone: its
/// collections would hit other tests' TorchSharp calls that take plain numbers.
/// </summary>
[Collection(nameof(SafeOptimizerStepTests))]
public sealed class SafeOptimizerStepTests
{
    [Fact]
    public void Optimizer_steps_survive_collections_caused_by_other_threads()
    {
        using var stop = new CancellationTokenSource();
        object? sink = null;
        // About 250 MB/s of short-lived garbage: a collection every few dozen steps, as a batch loader causes.
        var allocator = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                for (int i = 0; i < 64; i++) sink = new byte[4000];
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        allocator.Start();
        try
        {
            Train(30_000);
        }
        finally
        {
            stop.Cancel();
            allocator.Join();
            GC.KeepAlive(sink);
        }
    }

    [Fact]
    public void Trainings_on_several_threads_step_at_the_same_time()
    {
        // The no-GC region is one per process: without the steps taking turns, a second thread
        // starting it while the first is inside fails with "The NoGCRegion mode was already in progress".
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            try
            {
                Train(2_000);
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(errors);
    }

    /// <summary>A small network trained for the given steps, each step without collections.</summary>
    private static void Train(int steps)
    {
        using var model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4));
        using var optimizer = optim.AdamW(model.parameters(), 0.001);
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            var loss = model.call(randn(4, 8)).pow(2).mean();
            optimizer.zero_grad();
            loss.backward();
            optimizer.StepWithoutCollections();
        }
    }
}

[CollectionDefinition(nameof(SafeOptimizerStepTests), DisableParallelization = true)]
public sealed class SafeOptimizerStepCollection;
