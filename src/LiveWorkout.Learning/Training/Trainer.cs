using System.Diagnostics;
using LiveWorkout.Learning.Data;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Training;

/// <summary>
/// The CNN's training, shaped like pytorch/vision's train.py: <see cref="TrainOneEpoch"/>,
/// <see cref="Evaluate"/>, and <see cref="Fit"/>, which runs them in the <see cref="EpochLoop"/>
/// (schedule, early stopping) with best-model and checkpoint callbacks. All tensor work happens
/// on the calling thread.
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly Module<Tensor, Tensor> _network;
    private readonly OptimizerHelper _optimizer;
    private readonly CrossEntropyLoss _loss;
    private readonly Device _device;
    private readonly TrainingOptions _options;
    private readonly TrainingProgress _progress;

    public Trainer(Module<Tensor, Tensor> network, Device device, TrainingOptions options, float[]? classWeights, TrainingProgress progress)
    {
        _network = network;
        _device = device;
        _options = options;
        _progress = progress;
        _network.to(device);
        _optimizer = CreateOptimizer(network, options);
        _loss = classWeights is null ? CrossEntropyLoss() : CrossEntropyLoss(weight: tensor(classWeights).to(device));
        DeviceName = device.type == DeviceType.CUDA ? device.ToString() : "cpu";
    }

    public OptimizerHelper Optimizer => _optimizer;
    public string DeviceName { get; }

    public static OptimizerHelper CreateOptimizer(Module<Tensor, Tensor> network, TrainingOptions o) => o.Optimizer switch
    {
        OptimizerNames.Sgd => optim.SGD(network.parameters(), o.LearningRate, momentum: o.Momentum, weight_decay: o.WeightDecay),
        OptimizerNames.Adam => optim.Adam(network.parameters(), o.LearningRate, weight_decay: o.WeightDecay),
        OptimizerNames.AdamW => optim.AdamW(network.parameters(), o.LearningRate, weight_decay: o.WeightDecay),
        // Keras' RMSprop (seed 2) uses rho 0.9 and eps 1e-7.
        OptimizerNames.RmsProp => optim.RMSProp(network.parameters(), o.LearningRate, alpha: 0.9, eps: 1e-7, weight_decay: o.WeightDecay),
        _ => throw new ArgumentException($"unknown optimizer {o.Optimizer}"),
    };

    /// <summary>One pass over the training batches; returns loss, accuracy, examples/sec and the share of time spent waiting for data.</summary>
    public (double Loss, double Accuracy, double ExamplesPerSecond, double DataWaitShare) TrainOneEpoch(BatchLoader loader, int epoch, CancellationToken cancellation)
    {
        _network.train();
        double lossSum = 0;
        long correct = 0, seen = 0;
        int batches = 0;
        var watch = Stopwatch.StartNew();
        foreach (var batch in loader.Epoch(epoch, cancellation))
        {
            using var scope = NewDisposeScope();
            var x = FrameClassifier.FromSpan(batch.Data, batch.Shape).to(_device);
            var y = tensor(batch.Labels).to(_device);
            Tensor logits = null!;
            var loss = SafeTrainingStep.Step(_optimizer, () => _loss.call(logits = _network.call(x), y));
            lossSum += loss.item<float>() * batch.Count;
            correct += logits.argmax(1).eq(y).sum().item<long>();
            seen += batch.Count;
            batches++;
            cancellation.ThrowIfCancellationRequested();
            _progress.Batch(epoch + 1, _options.Epochs, batches, loader.BatchesPerEpoch, lossSum / seen, (double)correct / seen, seen / watch.Elapsed.TotalSeconds);
        }
        double seconds = watch.Elapsed.TotalSeconds;
        return seen == 0 ? (double.NaN, 0, 0, 0) : (lossSum / seen, (double)correct / seen, seen / seconds, loader.LastEpochWait.TotalSeconds / seconds);
    }

    /// <summary>
    /// Trains from <paramref name="state"/> until the last epoch or until validation accuracy has
    /// not improved for <see cref="TrainingOptions.Patience"/> epochs. After every epoch
    /// <paramref name="epochDone"/> gets the new state and whether it is the best so far, to save
    /// the model and a checkpoint. Cancellation surfaces as OperationCanceledException.
    /// </summary>
    public TrainingState Fit(BatchLoader train, BatchLoader validation, TrainingState state, Action<TrainingState, bool> epochDone, CancellationToken cancellation)
    {
        (double Loss, double Accuracy, double Speed, double Wait, EvaluationResult Val) pass = default;
        EpochLoop.Run(_optimizer, _options.Schedule, _options.LearningRate, _options.Epochs, _options.Patience,
            new EpochStanding(state.CompletedEpochs, state.BestValidationAccuracy, state.BestEpoch, state.EpochsWithoutImprovement),
            (epoch, _) =>
            {
                var (loss, accuracy, speed, wait) = TrainOneEpoch(train, epoch, cancellation);
                pass = (loss, accuracy, speed, wait, Evaluate(validation, cancellation));
                return pass.Val.Accuracy;
            },
            (standing, improved, rate, seconds) =>
            {
                var record = new EpochRecord(standing.CompletedEpochs, rate, pass.Loss, pass.Accuracy, pass.Val!.Loss, pass.Val.Accuracy, pass.Speed, pass.Wait, seconds);
                state = state with
                {
                    CompletedEpochs = standing.CompletedEpochs,
                    History = [.. state.History, record],
                    BestValidationAccuracy = standing.BestScore,
                    BestEpoch = standing.BestEpoch,
                    EpochsWithoutImprovement = standing.EpochsWithoutImprovement,
                };
                _progress.Epoch(record, _options.Epochs, DeviceName, improved);
                epochDone(state, improved);
            },
            standing => _progress.Line($"early stop: validation accuracy has not improved for {standing.EpochsWithoutImprovement} epochs (best {standing.BestScore:0.000} at epoch {standing.BestEpoch})"));
        return state;
    }

    /// <summary>Loss, accuracy and predictions on a split, in inference mode.</summary>
    public EvaluationResult Evaluate(BatchLoader loader, CancellationToken cancellation) => Evaluate(_network, _device, _loss, loader, cancellation);

    public static EvaluationResult Evaluate(Module<Tensor, Tensor> network, Device device, CrossEntropyLoss? lossFunction, BatchLoader loader, CancellationToken cancellation)
    {
        network.eval();
        double lossSum = 0;
        long correct = 0;
        var predictions = new List<Prediction>(loader.Count);
        using var ownLoss = lossFunction is null ? CrossEntropyLoss() : null;
        var lossFn = lossFunction ?? ownLoss!;
        foreach (var batch in loader.Epoch(0, cancellation))
        {
            using var scope = NewDisposeScope();
            using var mode = inference_mode();
            var input = FrameClassifier.FromSpan(batch.Data, batch.Shape).to(device);
            var y = tensor(batch.Labels).to(device);
            var logits = network.call(input);
            lossSum += lossFn.call(logits, y).item<float>() * batch.Count;
            var probabilities = functional.softmax(logits, 1);
            var (best, index) = probabilities.max(1);
            correct += index.eq(y).sum().item<long>();
            var conf = best.cpu().data<float>().ToArray();
            var idx = index.cpu().data<long>().ToArray();
            for (int i = 0; i < batch.Count; i++)
                predictions.Add(new Prediction(batch.Paths[i], (int)batch.Labels[i], (int)idx[i], conf[i]));
        }
        return predictions.Count == 0 ? new EvaluationResult(double.NaN, 0, predictions) : new EvaluationResult(lossSum / predictions.Count, (double)correct / predictions.Count, predictions);
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _loss.Dispose();
    }
}
