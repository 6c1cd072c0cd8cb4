using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Temporal;

/// <summary>
/// Smooths class probabilities over media time (moving average or exponential) and decides
/// each frame's label, idle below the confidence threshold.
/// </summary>
public sealed class ProbabilitySmoother
{
    private readonly IReadOnlyList<string> _classes;
    private readonly TemporalOptions _options;
    private readonly Queue<FramePrediction> _window = new();
    private readonly double[] _sum;
    private double[]? _ema;
    private TimeSpan _lastTime;

    public ProbabilitySmoother(IReadOnlyList<string> classes, TemporalOptions options)
    {
        if (classes.Count == 0) throw new InvalidInputException("the model has no classes: check its model.json");
        _classes = classes;
        _options = options;
        _sum = new double[classes.Count];
    }

    public SmoothedFrame Push(FramePrediction frame)
    {
        if (frame.Probabilities.Length != _classes.Count)
            throw new InvalidInputException($"frame {frame.Index} has {frame.Probabilities.Length} probabilities but the model has {_classes.Count} classes");
        double[] smoothed = _options.Smoothing == SmoothingKind.Exponential ? Exponential(frame) : MovingAverage(frame);
        _lastTime = frame.Time;
        var (label, confidence) = Decide(smoothed);
        var (rawLabel, _) = Decide(Array.ConvertAll(frame.Probabilities, p => (double)p));
        return new SmoothedFrame(frame, smoothed, label, confidence, rawLabel);
    }

    private double[] MovingAverage(FramePrediction frame)
    {
        _window.Enqueue(frame);
        Add(frame.Probabilities, +1);
        var horizon = frame.Time - TimeSpan.FromSeconds(_options.SmoothingSeconds);
        // Drop frames older than the window, but always keep the newest one.
        while (_window.Count > 1 && _window.Peek().Time <= horizon)
            Add(_window.Dequeue().Probabilities, -1);
        var mean = new double[_sum.Length];
        for (int i = 0; i < mean.Length; i++) mean[i] = _sum[i] / _window.Count;
        return mean;
    }

    private void Add(float[] p, int sign)
    {
        for (int i = 0; i < _sum.Length; i++) _sum[i] += sign * p[i];
    }

    private double[] Exponential(FramePrediction frame)
    {
        if (_ema is null || _options.SmoothingSeconds <= 0)
        {
            _ema = Array.ConvertAll(frame.Probabilities, p => (double)p);
            return (double[])_ema.Clone();
        }
        // alpha from the real time step keeps the time constant independent of the frame rate.
        double dt = Math.Max(0, (frame.Time - _lastTime).TotalSeconds);
        double alpha = 1 - Math.Exp(-dt / _options.SmoothingSeconds);
        for (int i = 0; i < _ema.Length; i++) _ema[i] += alpha * (frame.Probabilities[i] - _ema[i]);
        return (double[])_ema.Clone();
    }

    private (string Label, double Confidence) Decide(double[] p)
    {
        int best = 0;
        for (int i = 1; i < p.Length; i++)
            if (p[i] > p[best]) best = i;
        return (p[best] < _options.ConfidenceThreshold ? ExerciseCatalog.Idle : _classes[best], p[best]);
    }
}
