using System.Diagnostics;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Benchmarks;

/// <summary>
/// Throughput of the seed-2 4-conv CNN (3x100x100) on a device: inference at several batch
/// sizes and one training step size. Each row runs warm-up batches first, then as many
/// batches as fit in the time budget.
/// </summary>
public sealed class TorchBenchmark(Device device, TimeSpan budgetPerRow)
{
    public IReadOnlyList<TorchBenchRow> Run(IEnumerable<int> inferenceBatches, int trainingBatch)
    {
        var rows = new List<TorchBenchRow>();
        torch.random.manual_seed(1);
        using var model = new KimCnn(numClasses: 4);
        model.to(device);

        model.eval();
        foreach (int batch in inferenceBatches)
            rows.Add(Measure("inference", batch, () =>
            {
                using var scope = NewDisposeScope();
                using var _ = inference_mode();
                var x = rand(batch, 3, 100, 100, device: device);
                var y = model.call(x);
                y.cpu(); // waits for the device
            }));

        model.train();
        using var optimizer = optim.RMSProp(model.parameters(), lr: 1e-4);
        using var lossFn = nn.CrossEntropyLoss();
        rows.Add(Measure("training", trainingBatch, () =>
        {
            using var scope = NewDisposeScope();
            var x = rand(trainingBatch, 3, 100, 100, device: device);
            var target = randint(0, 4, [trainingBatch], dtype: int64, device: device);
            SafeTrainingStep.Step(optimizer, () => lossFn.call(model.call(x), target)).cpu(); // waits for the device
        }));
        return rows;
    }

    private TorchBenchRow Measure(string mode, int batch, Action step)
    {
        for (int i = 0; i < 3; i++) step();
        var watch = Stopwatch.StartNew();
        int batches = 0;
        while (batches < 3 || watch.Elapsed < budgetPerRow)
        {
            step();
            batches++;
        }
        double seconds = watch.Elapsed.TotalSeconds;
        return new TorchBenchRow(mode, batch, batches * batch / seconds, seconds * 1000 / batches, batches);
    }
}
