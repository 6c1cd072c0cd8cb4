namespace LiveWorkout.Pipeline;

/// <summary>The most recent N values: latency figures for percentiles without growing through a long session.</summary>
public sealed class LatencyWindow(int capacity)
{
    private readonly double[] _values = new double[capacity];
    private long _count;

    public void Add(double value) => _values[_count++ % _values.Length] = value;

    public List<double> ToList() =>
        _count <= _values.Length ? _values.Take((int)_count).ToList() : _values.ToList();
}
