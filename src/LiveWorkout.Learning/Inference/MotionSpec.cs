using LiveWorkout.Core.Imaging;

namespace LiveWorkout.Learning.Inference;

/// <summary>
/// How a temporal head sees motion besides the CNN's embeddings: the input frame (the person
/// region the CNN sees) is split into <see cref="Grid"/> x <see cref="Grid"/> cells, and each cell
/// gets how much it changed since the frame <see cref="Seconds"/> earlier. A CNN that sees one
/// frame cannot tell a person standing side-on with the arms up from one doing jumping jacks
/// side-on; how much each part of the picture moves can.
/// </summary>
public sealed record MotionSpec(int Grid, double Seconds)
{
    /// <summary>7 x 7 cells (16 x 16 pixels of a 112-pixel input), against the frame 0.2 s before: a temporal head's step.</summary>
    public static readonly MotionSpec Default = new(7, 0.2);

    /// <summary>Values per frame.</summary>
    public int Features => Grid * Grid;

    /// <summary>Side of the gray thumbnail the cells are measured on: 4 x 4 points a cell.</summary>
    public int ThumbnailSide => Grid * MotionFeatures.PointsPerCell;

    /// <summary><see cref="Validate"/>, and that frames of <paramref name="input"/> have at least a pixel for every thumbnail point.</summary>
    public void Validate(InputSpec input)
    {
        Validate();
        if (input.Width < ThumbnailSide || input.Height < ThumbnailSide)
            throw new ArgumentException($"a {Grid}x{Grid} motion grid needs an input of at least {ThumbnailSide}x{ThumbnailSide} pixels, not {input.Width}x{input.Height}");
    }

    public void Validate()
    {
        if (Grid is < 1 or > 32) throw new ArgumentException($"a motion grid needs 1 to 32 cells a side, not {Grid}");
        if (Seconds is <= 0 or > 10) throw new ArgumentException($"motion must be measured over more than 0 and at most 10 s, not {Seconds}");
    }
}
