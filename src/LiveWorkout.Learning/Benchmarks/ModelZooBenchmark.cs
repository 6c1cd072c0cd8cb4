using System.Diagnostics;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Benchmarks;

/// <summary>
/// Every architecture of the zoo at its default input: parameters, MACs per image, and
/// examples/sec of training steps (its default optimizer) and inference on random tensors.
/// </summary>
public sealed class ModelZooBenchmark(Device device, TimeSpan budgetPerRow, int batch, int classes)
{
    public IReadOnlyList<ModelBenchRow> Run(IEnumerable<string> architectures) => architectures.Select(Measure).ToArray();

    private ModelBenchRow Measure(string name)
    {
        var arch = ModelZoo.Get(name);
        var spec = arch.Input;
        random.manual_seed(1);
        using var model = ModelZoo.Create(name, classes);
        var complexity = ModelComplexity.Measure(model, spec.Channels, spec.Height, spec.Width);
        model.to(device);
        var options = TrainingOptions.ForArchitecture(name, "", "");
        using var optimizer = Trainer.CreateOptimizer(model, options);
        using var loss = nn.CrossEntropyLoss();
        model.train();
        double train = Rate(() =>
        {
            using var scope = NewDisposeScope();
            var x = rand(batch, spec.Channels, spec.Height, spec.Width, device: device);
            var y = randint(0, classes, [batch], dtype: int64, device: device);
            SafeTrainingStep.Step(optimizer, () => loss.call(model.call(x), y)).cpu();
        });
        model.eval();
        double infer = Rate(() =>
        {
            using var scope = NewDisposeScope();
            using var mode = inference_mode();
            model.call(rand(batch, spec.Channels, spec.Height, spec.Width, device: device)).cpu();
        });
        return new ModelBenchRow(name, $"{spec.Channels}x{spec.Height}x{spec.Width}", complexity.Parameters, complexity.MacsPerImage, train, infer);
    }

    private double Rate(Action step)
    {
        step();
        var watch = Stopwatch.StartNew();
        int steps = 0;
        while (steps < 2 || watch.Elapsed < budgetPerRow)
        {
            step();
            steps++;
        }
        return steps * batch / watch.Elapsed.TotalSeconds;
    }
}
