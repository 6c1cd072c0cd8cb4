using System.Runtime;
using LiveWorkout.Learning.Data;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Training;
using LiveWorkout.Vision.Augmentation;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Tests.Training;

/// <summary>
/// TorchSharp 0.107 can have a Scalar finalized while libtorch reads it, when a garbage collection
/// falls inside the call: in optimizers' updates and in batch norm's training forward pass. Another
/// thread allocating without pause makes collections frequent enough that a plain training step
/// fails within seconds here ("Unknown scalar type" or "Expected false to be true ... toFloat");
/// one several thousand times faster outspends any no-GC budget and is beyond what the fix can
/// promise. It runs alone: its collections would hit other tests' TorchSharp calls that take plain numbers.
/// </summary>
[Collection(nameof(SafeTrainingStepTests))]
public sealed class SafeTrainingStepTests
{
    [Fact]
    public void Optimizer_steps_survive_collections_caused_by_other_threads() =>
        WhileAllocating(() => Train(() => nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4)), randn(4, 8), 30_000));

    [Fact]
    public void The_trainers_forward_pass_runs_without_collections_too()
    {
        // A training run of the default CNN stopped with "Unknown scalar type" in add_(Scalar) from
        // a batch norm's forward pass (its batch counter) while only optimizer steps were guarded.
        // Such a failure is too rare to provoke in a test (a tiny tensor's add_ takes microseconds),
        // so this checks where the forward pass runs: a probe layer records the GC mode.
        using var data = new TinyDataset(perClass: 4, size: 16);
        var dataset = ImageDataset.Scan(data.Root);
        var input = ModelZoo.Get(ModelZoo.OursName).Input with { Width = 16, Height = 16 };
        var loader = new BatchLoader(dataset.Samples, input, AugmentationSettings.None, 4, shuffle: false, seed: 1, workers: 1);
        var probe = new GcModeProbe();
        using var network = nn.Sequential(("probe", probe), ("flatten", nn.Flatten()), ("linear", nn.Linear(input.Channels * 16 * 16, TinyDataset.Classes.Length)));
        using var trainer = new Trainer(network, CPU, TrainingOptions.ForArchitecture(ModelZoo.OursName, "", ""), null, new TrainingProgress(TextWriter.Null, false));

        trainer.TrainOneEpoch(loader, 0, CancellationToken.None);

        Assert.Equal(3, probe.Modes.Count);
        Assert.All(probe.Modes, mode => Assert.Equal(GCLatencyMode.NoGCRegion, mode));
    }

    /// <summary>Passes its input on and records the GC latency mode of every training forward pass.</summary>
    private sealed class GcModeProbe() : nn.Module<Tensor, Tensor>("probe")
    {
        public List<GCLatencyMode> Modes { get; } = [];

        public override Tensor forward(Tensor input)
        {
            if (training) Modes.Add(GCSettings.LatencyMode);
            return input;
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
                Train(() => nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4)), randn(4, 8), 2_000);
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

    /// <summary>Runs <paramref name="work"/> while another thread allocates about 250 MB/s of short-lived garbage: a collection every few dozen steps, as a batch loader causes.</summary>
    private static void WhileAllocating(Action work)
    {
        using var stop = new CancellationTokenSource();
        object? sink = null;
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
            work();
        }
        finally
        {
            stop.Cancel();
            allocator.Join();
            GC.KeepAlive(sink);
        }
    }

    /// <summary>A small network trained in training mode for the given steps, each a <see cref="SafeTrainingStep"/>.</summary>
    private static void Train(Func<nn.Module<Tensor, Tensor>> network, Tensor input, int steps)
    {
        using var model = network();
        using var x = input;
        model.train();
        using var optimizer = optim.AdamW(model.parameters(), 0.001);
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            SafeTrainingStep.Step(optimizer, () => model.call(x).pow(2).mean());
        }
    }
}

[CollectionDefinition(nameof(SafeTrainingStepTests), DisableParallelization = true)]
public sealed class SafeTrainingStepCollection;
