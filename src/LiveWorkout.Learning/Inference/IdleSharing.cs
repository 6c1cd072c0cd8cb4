namespace LiveWorkout.Learning.Inference;

/// <summary>
/// Combines a landmark model's probabilities with those of a second model that knows more
/// exercises (<see cref="Packaging.MoreExercisesSpec"/>). The first model keeps what it gives each
/// of its exercises; what it gives idle, which to it means "none of mine", is shared out between
/// idle and the second model's other exercises in the proportions the second model gives them.
/// So the first model's exercises are named exactly as often as before, and the second model can
/// name only what the first could not.
/// </summary>
public sealed class IdleSharing
{
    private readonly int[] _ownTarget;   // own class index -> combined index (idle: -1)
    private readonly int _ownIdle;
    private readonly int[] _moreSource;  // the second model's indices of the shared classes (its extra exercises, then idle)
    private readonly int[] _moreTarget;  // their combined indices
    private readonly int _combinedIdle;

    /// <param name="own">The first model's classes (with idle).</param>
    /// <param name="more">The second model's classes (with idle and every exercise of the first).</param>
    /// <param name="combined">The classes of a combined row: every class of both, once.</param>
    public IdleSharing(IReadOnlyList<string> own, IReadOnlyList<string> more, IReadOnlyList<string> combined)
    {
        int Index(IReadOnlyList<string> list, string c)
        {
            for (int i = 0; i < list.Count; i++) if (list[i] == c) return i;
            throw new ArgumentException($"class '{c}' is not among {string.Join(", ", list)}");
        }
        _ownIdle = Index(own, Core.ExerciseCatalog.Idle);
        _ownTarget = own.Select(c => c == Core.ExerciseCatalog.Idle ? -1 : Index(combined, c)).ToArray();
        var shared = more.Select((c, i) => (c, i)).Where(p => !own.Contains(p.c) || p.c == Core.ExerciseCatalog.Idle).ToArray();
        _moreSource = shared.Select(p => p.i).ToArray();
        _moreTarget = shared.Select(p => Index(combined, p.c)).ToArray();
        _combinedIdle = Index(combined, Core.ExerciseCatalog.Idle);
        Classes = combined.Count;
        Added = _moreTarget.Where(t => combined[t] != Core.ExerciseCatalog.Idle).ToHashSet();
    }

    /// <summary>Classes of a combined row.</summary>
    public int Classes { get; }

    /// <summary>The combined indices of the second model's exercises (those the first does not know).</summary>
    public IReadOnlySet<int> Added { get; }

    /// <summary>One frame's combined probabilities from the two models' probabilities of it.</summary>
    public float[] Combine(ReadOnlySpan<float> own, ReadOnlySpan<float> more)
    {
        var row = new float[Classes];
        for (int j = 0; j < _ownTarget.Length; j++)
            if (_ownTarget[j] >= 0) row[_ownTarget[j]] = own[j];
        double shared = 0;
        foreach (int k in _moreSource) shared += more[k];
        double idle = own[_ownIdle];
        if (shared <= 0)
        {
            row[_combinedIdle] = (float)idle;
            return row;
        }
        for (int s = 0; s < _moreSource.Length; s++) row[_moreTarget[s]] = (float)(idle * more[_moreSource[s]] / shared);
        return row;
    }
}
