using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Pipeline;

/// <summary>
/// Keeps the latest <see cref="RecognitionStatus"/>: the pipeline's threads update it, the
/// overlay reads it. Each update swaps in a new immutable snapshot.
/// </summary>
public sealed class StatusBoard
{
    private readonly Lock _gate = new();
    private readonly Queue<TimeSpan> _recent = new();
    private RecognitionStatus _status = RecognitionStatus.Empty;

    public RecognitionStatus Current
    {
        get { lock (_gate) return _status; }
    }

    public void OnPrediction(FramePrediction p, IReadOnlyList<string> classes, TimeSpan age, long dropped)
    {
        lock (_gate)
        {
            _recent.Enqueue(p.Time);
            while (_recent.Count > 30) _recent.Dequeue();
            double fps = _recent.Count > 1 ? (_recent.Count - 1) / Math.Max(1e-6, (p.Time - _recent.Peek()).TotalSeconds) : 0;
            int top = p.TopClass;
            _status = _status with { Time = p.Time, Label = classes[top], Confidence = p.Probabilities[top], Fps = fps, FrameAge = age, Dropped = dropped };
        }
    }

    public void OnSessionEvent(SessionEvent e)
    {
        lock (_gate)
        {
            _status = e switch
            {
                SetStarted s => _status with { SetExercise = s.Exercise, SetStart = s.Time, SetReps = 0 },
                RepCounted r => _status with { SetReps = r.RepNumber },
                SetEnded => _status with { SetExercise = null, SetReps = 0, SetsDone = _status.SetsDone + 1 },
                _ => _status,
            };
        }
    }

    public void OnSourceEvent(SessionEvent e)
    {
        lock (_gate)
        {
            if (e is SourceLost) _status = _status with { SourceLost = true };
            if (e is SourceRecovered) _status = _status with { SourceLost = false };
        }
    }
}
