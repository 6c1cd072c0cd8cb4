using System.Text.Json.Serialization;
using LiveWorkout.Learning.Inference;

namespace LiveWorkout.Learning.Models;

/// <summary>
/// Shape of a <see cref="TemporalHead"/>: it sees <see cref="Steps"/> embeddings
/// <see cref="StepSeconds"/> apart. The newest is <see cref="LookAheadSeconds"/> after the frame
/// it classifies, so a frame's result comes that much later (the price of knowing whether a pose
/// is the first rep or only getting into position).
/// </summary>
/// <param name="FrameWeight">
/// Weight of the CNN's own verdict on the frame in the result: log-probabilities are mixed as
/// (1 - w) x head + w x CNN. The head sees motion the CNN cannot, the CNN has seen 20 times as
/// many people and scenes; 0 is the head alone.
/// </param>
/// <param name="Motion">
/// Motion features the head sees beside each embedding (<see cref="MotionSpec"/>), or null for
/// the embeddings alone.
/// </param>
public sealed record TemporalHeadSpec(int Steps, double StepSeconds, int Hidden, double LookAheadSeconds = 0, double FrameWeight = 0, MotionSpec? Motion = null)
{
    /// <summary>
    /// 16 steps 0.2 s apart, the last five after the frame: 2 s of past and 1 s of future, more
    /// than one rep of the slowest exercise (a curl, about 2.5 s), and enough of the future to
    /// see a set's first rep start. The CNN's own verdict on the frame weighs 0.3 (the best of 0,
    /// 0.3 and 0.5 on the development clips). Each step also holds how much each of 7 x 7 cells
    /// of the input changed over the step before it (<see cref="MotionSpec.Default"/>): with it the
    /// default head went from 504 to 515 of 570 sets right on eleven sets of unseen clips.
    /// </summary>
    public static readonly TemporalHeadSpec Default = new(16, 0.2, 96, 1.0, 0.3, MotionSpec.Default);

    /// <summary>Seconds from the oldest to the newest embedding of a window.</summary>
    public double WindowSeconds => (Steps - 1) * StepSeconds;

    /// <summary>The step holding the frame being classified (oldest = 0).</summary>
    public int FocusStep => Steps - 1 - (int)Math.Round(LookAheadSeconds / StepSeconds);

    /// <summary>Motion values that follow the embedding in each step of a window (0 without <see cref="Motion"/>).</summary>
    [JsonIgnore]
    public int MotionFeatures => Motion?.Features ?? 0;

    public void Validate()
    {
        if (Steps is < 2 or > 256) throw new ArgumentException($"a temporal head needs 2 to 256 steps, not {Steps}");
        if (StepSeconds is <= 0 or > 10) throw new ArgumentException($"a temporal head's step must be between 0 and 10 s, not {StepSeconds}");
        if (Hidden is < 4 or > 4096) throw new ArgumentException($"a temporal head's width must be between 4 and 4096, not {Hidden}");
        if (FrameWeight is < 0 or > 1) throw new ArgumentException($"a temporal head's frame weight must be between 0 and 1, not {FrameWeight}");
        if (LookAheadSeconds < 0 || FocusStep < 0)
            throw new ArgumentException($"a temporal head's look-ahead must be between 0 and its window ({WindowSeconds:0.##} s), not {LookAheadSeconds}");
        Motion?.Validate();
    }
}
