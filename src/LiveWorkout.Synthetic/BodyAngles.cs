namespace LiveWorkout.Synthetic;

/// <summary>
/// A body posture as motions author it: trunk orientation (degrees; pitch leans forward, -90 lies
/// on the back), limb angles, and how the body is supported. <see cref="BodySolver"/> turns it into
/// joint positions for a particular <see cref="SyntheticPerson"/>. Blending two postures blends
/// every number, which is how transitions and rep cycles are made.
/// </summary>
public readonly record struct BodyAngles
{
    public double Yaw { get; init; }
    public double Pitch { get; init; }
    public double Roll { get; init; }
    /// <summary>Extra forward bend of the upper trunk (sit-up curl, slouch).</summary>
    public double SpineCurl { get; init; }
    public double HeadPitch { get; init; }
    public ArmAngles LeftArm { get; init; }
    public ArmAngles RightArm { get; init; }
    public LegAngles LeftLeg { get; init; }
    public LegAngles RightLeg { get; init; }
    /// <summary>Height above the ground the body is lifted (jumps), metres.</summary>
    public double Lift { get; init; }
    /// <summary>Shift of the feet anchor in the person's own frame (x left, z forward), metres: walking, stepping.</summary>
    public double ShiftX { get; init; }
    public double ShiftZ { get; init; }
    /// <summary>0 = stands on the floor, 1 = hangs from the bar by the hands.</summary>
    public double Hang { get; init; }
    /// <summary>0..1: hands planted on the floor under the shoulders (push-up).</summary>
    public double HandSupport { get; init; }
    /// <summary>0..1: forearms on the floor (plank).</summary>
    public double ForearmSupport { get; init; }
    /// <summary>With hand support: shoulder height as a fraction of the arm's reach (1 = arms straight).</summary>
    public double SupportHeight { get; init; }
    /// <summary>With hand support: height of the surface under the hands (a bench for incline push-ups), metres.</summary>
    public double HandRestHeight { get; init; }
    /// <summary>Shift of the feet anchor forward in the person's own frame, in thigh lengths: lunges that step and walk keep a planted foot still for any body size.</summary>
    public double StrideZ { get; init; }
    /// <summary>
    /// 0..1: the pelvis, not the feet, keeps its place on the floor plan, where it is when sitting
    /// with the feet at the anchor; for legs that swing free (leg raises, leg extensions, mountain climbers).
    /// </summary>
    public double PelvisAnchor { get; init; }
    /// <summary>0..1: the pelvis rests on a bench or machine seat at the person's knee height instead of the lowest surface resting on the floor.</summary>
    public double Seat { get; init; }
    /// <summary>With <see cref="Hang"/>: 1 = the hands hold parallel dip bars a little above hip height instead of the pull-up bar.</summary>
    public double DipBars { get; init; }
    public HeldProp Held { get; init; }
    /// <summary>The bench or seat drawn under the body (the solver does not use it: the posture already rests at its height).</summary>
    public Equipment Equipment { get; init; }

    public static BodyAngles Standing => new()
    {
        LeftArm = ArmAngles.Hanging, RightArm = ArmAngles.Hanging,
        LeftLeg = LegAngles.Standing, RightLeg = LegAngles.Standing, SupportHeight = 1,
    };

    /// <summary>Both arms / both legs set the same (mirrored by the solver).</summary>
    public BodyAngles WithArms(ArmAngles arms) => this with { LeftArm = arms, RightArm = arms };

    public BodyAngles WithLegs(LegAngles legs) => this with { LeftLeg = legs, RightLeg = legs };

    public static BodyAngles Lerp(BodyAngles a, BodyAngles b, double t)
    {
        static double L(double x, double y, double t) => x + (y - x) * t;
        return new BodyAngles
        {
            Yaw = L(a.Yaw, b.Yaw, t), Pitch = L(a.Pitch, b.Pitch, t), Roll = L(a.Roll, b.Roll, t),
            SpineCurl = L(a.SpineCurl, b.SpineCurl, t), HeadPitch = L(a.HeadPitch, b.HeadPitch, t),
            LeftArm = ArmAngles.Lerp(a.LeftArm, b.LeftArm, t), RightArm = ArmAngles.Lerp(a.RightArm, b.RightArm, t),
            LeftLeg = LegAngles.Lerp(a.LeftLeg, b.LeftLeg, t), RightLeg = LegAngles.Lerp(a.RightLeg, b.RightLeg, t),
            Lift = L(a.Lift, b.Lift, t), ShiftX = L(a.ShiftX, b.ShiftX, t), ShiftZ = L(a.ShiftZ, b.ShiftZ, t),
            Hang = L(a.Hang, b.Hang, t), HandSupport = L(a.HandSupport, b.HandSupport, t),
            ForearmSupport = L(a.ForearmSupport, b.ForearmSupport, t), SupportHeight = L(a.SupportHeight, b.SupportHeight, t),
            HandRestHeight = L(a.HandRestHeight, b.HandRestHeight, t), StrideZ = L(a.StrideZ, b.StrideZ, t),
            PelvisAnchor = L(a.PelvisAnchor, b.PelvisAnchor, t), Seat = L(a.Seat, b.Seat, t), DipBars = L(a.DipBars, b.DipBars, t),
            // Props change hands, and equipment appears, at the midpoint of a blend.
            Held = t < 0.5 ? a.Held : b.Held,
            Equipment = t < 0.5 ? a.Equipment : b.Equipment,
        };
    }
}
