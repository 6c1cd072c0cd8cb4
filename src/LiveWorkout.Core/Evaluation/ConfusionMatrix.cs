namespace LiveWorkout.Core.Evaluation;

/// <summary>
/// Frame counts by true (row) and predicted (column) class. Classes outside the given list are
/// appended as they appear. Macro-F1 averages over the classes that occur (as truth or
/// prediction): classes absent from both say nothing about this data and are left out.
/// A class never predicted has precision 0; one never true has recall 0.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly List<string> _classes;
    private readonly Dictionary<string, int> _index;
    private long[,] _counts;

    public ConfusionMatrix(IEnumerable<string> classes)
    {
        _classes = classes.Distinct(StringComparer.Ordinal).ToList();
        _index = _classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        _counts = new long[_classes.Count, _classes.Count];
    }

    public IReadOnlyList<string> Classes => _classes;

    /// <summary>Rows: true class; columns: predicted class (JSON-friendly).</summary>
    public long[][] Counts =>
        Enumerable.Range(0, _classes.Count).Select(t => Enumerable.Range(0, _classes.Count).Select(p => _counts[t, p]).ToArray()).ToArray();

    public long Total { get; private set; }

    public long Count(string truth, string predicted) =>
        _index.TryGetValue(truth, out int t) && _index.TryGetValue(predicted, out int p) ? _counts[t, p] : 0;

    public void Add(string truth, string predicted, long count = 1)
    {
        int t = IndexOf(truth), p = IndexOf(predicted); // before indexing: either may grow the array
        _counts[t, p] += count;
        Total += count;
    }

    /// <summary>Adds every count of another matrix (pooling clips).</summary>
    public void Add(ConfusionMatrix other)
    {
        for (int t = 0; t < other._classes.Count; t++)
            for (int p = 0; p < other._classes.Count; p++)
                if (other._counts[t, p] != 0) Add(other._classes[t], other._classes[p], other._counts[t, p]);
    }

    /// <summary>Share of frames predicted right; 0 with no frames.</summary>
    public double Accuracy
    {
        get
        {
            long correct = 0;
            for (int i = 0; i < _classes.Count; i++) correct += _counts[i, i];
            return Total == 0 ? 0 : (double)correct / Total;
        }
    }

    public IReadOnlyList<ClassScore> PerClass =>
        _classes.Select((c, i) =>
        {
            long tp = _counts[i, i], support = 0, predicted = 0;
            for (int j = 0; j < _classes.Count; j++) { support += _counts[i, j]; predicted += _counts[j, i]; }
            double precision = predicted == 0 ? 0 : (double)tp / predicted;
            double recall = support == 0 ? 0 : (double)tp / support;
            return new ClassScore(c, precision, recall, Metric.F1(precision, recall), support, predicted);
        }).ToList();

    public double MacroF1
    {
        get
        {
            var present = PerClass.Where(s => s.Support > 0 || s.Predicted > 0).ToList();
            return present.Count == 0 ? 0 : present.Average(s => s.F1);
        }
    }

    /// <summary>
    /// Macro-F1 over the classes the truth holds, the figure `train` and `evaluate` give for a
    /// dataset: a class that is only ever predicted lowers precision but is not averaged in.
    /// </summary>
    public double MacroF1OverLabelledClasses
    {
        get
        {
            var labelled = PerClass.Where(s => s.Support > 0).ToList();
            return labelled.Count == 0 ? 0 : labelled.Average(s => s.F1);
        }
    }

    private int IndexOf(string label)
    {
        if (_index.TryGetValue(label, out int i)) return i;
        i = _classes.Count;
        _classes.Add(label);
        _index[label] = i;
        var grown = new long[i + 1, i + 1];
        for (int t = 0; t < i; t++)
            for (int p = 0; p < i; p++) grown[t, p] = _counts[t, p];
        _counts = grown;
        return i;
    }
}
