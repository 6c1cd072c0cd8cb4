using LiveWorkout.Learning.Inference;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Models;

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
