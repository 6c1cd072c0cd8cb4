namespace LiveWorkout.Synthetic.Motions;

/// <summary>Running in place: legs and arms alternate; one cycle is a left and a right stride, the left knee highest mid-cycle.</summary>
public sealed class RunningMotion : ExerciseMotion
{
    public override string Exercise => "running";
    public override double CycleSeconds => 0.75;

    public override BodyAngles Start => BodyAngles.Standing with
    {
        Pitch = 8,
        LeftArm = new ArmAngles(10, 12, 95, 8), RightArm = new ArmAngles(10, 12, 95, 8),
    };

    public override BodyAngles At(double phase, double depth, int rep)
    {
        double c = Math.Cos(2 * Math.PI * phase);     // -1 at mid-cycle: left knee up
        double left = 0.5 - 0.5 * c, right = 1 - left;
        double amp = 0.6 + 0.4 * depth;
        return Start with
        {
            Pitch = 8 + 4 * amp, HeadPitch = -8,
            Lift = 0.05 * amp * Math.Abs(Math.Sin(2 * Math.PI * phase)),
            LeftLeg = new LegAngles(-10 + 85 * amp * left, 4, 20 + 95 * amp * left, 20),
            RightLeg = new LegAngles(-10 + 85 * amp * right, 4, 20 + 95 * amp * right, 20),
            // Arms swing against the legs.
            LeftArm = new ArmAngles(35 * amp * c, 12, 95 + 35 * amp * c, 8),
            RightArm = new ArmAngles(-35 * amp * c, 12, 95 - 35 * amp * c, 8),
        };
    }
}
