using LiveWorkout.Learning.Models;

namespace LiveWorkout.Learning.Inference;

/// <summary>
/// The embeddings of the last few seconds of one live or replayed source, for a
/// <see cref="TemporalHead"/>: frames go in as they are classified by the CNN and come out, in the
/// same order, once the look-ahead has passed (or the source has ended), each with its window.
/// Keeps only what the windows can still reach, so it stays small over any session length.
/// </summary>
public sealed class EmbeddingHistory(TemporalHeadSpec spec, int embeddingSize)
{
    private readonly List<double> _times = [];
    private readonly List<float[]> _embeddings = [];
    private readonly List<float[]?> _probabilities = [];
    private readonly int[] _indices = new int[spec.Steps];
    private int _next; // first frame not yet taken

    /// <summary>Frames held, taken or not.</summary>
    public int Count => _times.Count;

    /// <summary>Frames added but not yet taken.</summary>
    public int Pending => _times.Count - _next;

    /// <summary>Adds a frame; times must not go backwards (a source that restarts its clock is held at its last time).</summary>
    /// <param name="probabilities">The CNN's own probabilities for the frame, handed back by <see cref="Take"/>.</param>
    public void Add(TimeSpan time, float[] embedding, float[]? probabilities = null)
    {
        if (embedding.Length != embeddingSize) throw new ArgumentException($"embedding has {embedding.Length} values, not {embeddingSize}", nameof(embedding));
        double t = time.TotalSeconds;
        if (_times.Count > 0 && t < _times[^1]) t = _times[^1];
        _times.Add(t);
        _embeddings.Add(embedding);
        _probabilities.Add(probabilities);
    }

    /// <summary>Whether the oldest pending frame's window is complete: a frame past its look-ahead has arrived, or the source has ended.</summary>
    public bool IsReady(bool sourceEnded) =>
        Pending > 0 && (sourceEnded || _times[^1] >= _times[_next] + spec.LookAheadSeconds - TemporalWindow.ToleranceSeconds);

    /// <summary>Takes the oldest pending frame: writes its window (Steps x embedding floats) and returns the frame's own embedding.</summary>
    public float[] Take(Span<float> window) => Take(window, out _);

    /// <inheritdoc cref="Take(Span{float})"/>
    public float[] Take(Span<float> window, out float[]? probabilities)
    {
        if (Pending == 0) throw new InvalidOperationException("no frame is pending");
        TemporalWindow.ForFrame(_times, _next, spec, _indices);
        for (int k = 0; k < _indices.Length; k++)
            _embeddings[_indices[k]].AsSpan().CopyTo(window.Slice(k * embeddingSize, embeddingSize));
        var own = _embeddings[_next];
        probabilities = _probabilities[_next];
        _next++;
        Forget();
        return own;
    }

    /// <summary>Drops frames no future window can reach, keeping one older than the oldest reach.</summary>
    private void Forget()
    {
        if (_next >= _times.Count) return;
        double oldest = _times[_next] - spec.WindowSeconds - TemporalWindow.ToleranceSeconds;
        int keepFrom = 0;
        while (keepFrom + 1 < _next && _times[keepFrom + 1] <= oldest) keepFrom++;
        if (keepFrom > 64)
        {
            _times.RemoveRange(0, keepFrom);
            _embeddings.RemoveRange(0, keepFrom);
            _probabilities.RemoveRange(0, keepFrom);
            _next -= keepFrom;
        }
    }
}
