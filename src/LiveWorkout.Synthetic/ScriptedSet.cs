using LiveWorkout.Core.Annotations;

namespace LiveWorkout.Synthetic;

/// <summary>A labelled set of a synthetic session with the script segment it came from, so code can tell how it was done (variant, tempo, pauses).</summary>
public sealed record ScriptedSet(AnnotatedSet Labels, SetSegment Segment)
{
    /// <summary>How the exercise was done, one of <see cref="Motions.MotionVariants.Of"/>.</summary>
    public string Variant => Segment.Variant.Length > 0 ? Segment.Variant : Motions.MotionVariants.Of(Segment.Exercise)[0];
}
