using System.Text.Json.Serialization;
using LiveWorkout.Learning.Inference;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

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

/// <summary>
/// Classifies a frame from the CNN embeddings of the seconds around it (see <see cref="TemporalHeadSpec"/>;
/// live and replay see the same windows). A single frame cannot tell a push-up from a plank or the
/// set-up before a squat from a squat; the way embeddings change over time can. Layer norm and a
/// per-step projection, two residual temporal convolutions (the second dilated: 7 steps of reach),
/// then the mean, the maximum and the classified frame's step of the features feed a linear
/// classifier. Input N x Steps x Embedding (oldest first), output N x classes logits. 83,851 parameters for 11 classes and a 256-wide embedding (88,555 with the default 7 x 7 motion cells).
/// With <see cref="TemporalHeadSpec.Motion"/>, each step is the embedding followed by the motion
/// features; those skip the layer norm (it would take away how much moves) and join the projection.
/// </summary>
public sealed class TemporalHead : Module<Tensor, Tensor>
{
    private readonly Dropout dropEmbedding;
    private readonly LayerNorm norm;
    private readonly Linear project;
    private readonly Dropout dropIn;
    private readonly Conv1d conv1;
    private readonly Conv1d conv2;
    private readonly Dropout dropOut;
    private readonly Linear classify;

    public TemporalHead(int embeddingSize, int numClasses, TemporalHeadSpec spec) : base(nameof(TemporalHead))
    {
        spec.Validate();
        Spec = spec;
        int h = spec.Hidden;
        dropEmbedding = Dropout(0.3);
        norm = LayerNorm([embeddingSize]);
        EmbeddingSize = embeddingSize;
        project = Linear(embeddingSize + spec.MotionFeatures, h);
        dropIn = Dropout(0.2);
        conv1 = Conv1d(h, h, 3, padding: 1);
        conv2 = Conv1d(h, h, 3, padding: 2, dilation: 2);
        dropOut = Dropout(0.3);
        classify = Linear(3 * h, numClasses);
        RegisterComponents();
    }

    public TemporalHeadSpec Spec { get; }

    /// <summary>The CNN embedding's width (each step of a window holds this plus <see cref="TemporalHeadSpec.MotionFeatures"/> values).</summary>
    public int EmbeddingSize { get; }

    public override Tensor forward(Tensor windows)
    {
        using var scope = NewDisposeScope();
        var steps = Spec.Motion is null
            ? norm.call(dropEmbedding.call(windows))
            : cat([norm.call(dropEmbedding.call(windows.narrow(2, 0, EmbeddingSize))), windows.narrow(2, EmbeddingSize, Spec.MotionFeatures)], 2);
        var x = dropIn.call(functional.relu(project.call(steps))).transpose(1, 2); // N x H x T
        var c1 = functional.relu(conv1.call(x)) + x;
        var c2 = functional.relu(conv2.call(c1)) + c1;
        var pooled = cat([c2.mean([2]), c2.amax([2]), c2.select(2, Spec.FocusStep)], 1);
        return classify.call(dropOut.call(pooled)).MoveToOuterDisposeScope();
    }
}
