namespace LiveWorkout.Synthetic;

/// <summary>
/// Forward kinematics for the synthetic body: turns <see cref="BodyAngles"/> into joint positions
/// for one person, then places the body in the world: standing on the floor with the feet at the
/// anchor, or hanging from the bar, hands planted by two-bone IK where the posture asks for it.
/// </summary>
public sealed class BodySolver(SyntheticPerson person)
{
    private const double Deg = Math.PI / 180;
    private readonly SyntheticPerson _p = person;

    public SyntheticPerson Person => _p;

    /// <summary>Joint positions in the world; <paramref name="anchor"/> is where the feet (or the bar grip) are.</summary>
    public BodyPose Solve(in BodyAngles angles, Vec3 anchor)
    {
        var a = angles;
        double support = Math.Max(a.HandSupport, a.ForearmSupport);
        if (support > 0) a = a with { Pitch = a.Pitch + (SupportPitch(a) - a.Pitch) * support };

        var j = new Vec3[Joints.Count];
        Local(a, j);

        // Floor: lowest surface on the floor, feet at the anchor. Hang: grip at the bar.
        double floorY = double.MaxValue;
        for (int i = 0; i < j.Length; i++)
        {
            if (support > 0 && IsArm(i)) continue;
            floorY = Math.Min(floorY, j[i].Y - Radius((Joint)i));
        }
        Vec3 feet = (j[(int)Joint.LeftAnkle] + j[(int)Joint.RightAnkle]) * 0.5;
        Vec3 grip = (j[(int)Joint.LeftWrist] + j[(int)Joint.RightWrist]) * 0.5;
        var standOffset = new Vec3(-feet.X, -floorY, -feet.Z);
        if (a.PelvisAnchor > 0) standOffset = Vec3.Lerp(standOffset, new Vec3(0, standOffset.Y, -_p.Thigh), a.PelvisAnchor);
        if (a.Seat > 0) standOffset = standOffset with { Y = standOffset.Y + (_p.SeatHeight - standOffset.Y) * a.Seat };
        double gripHeight = _p.BarHeight + (_p.DipBarHeight - _p.BarHeight) * a.DipBars;
        var hangOffset = new Vec3(-grip.X, gripHeight - grip.Y, -grip.Z);
        Vec3 offset = Vec3.Lerp(standOffset, hangOffset, a.Hang) + new Vec3(a.ShiftX, a.Lift, a.ShiftZ + a.StrideZ * _p.Thigh);
        for (int i = 0; i < j.Length; i++) j[i] += offset;

        if (a.HandSupport > 0) PlantHands(j, a.HandSupport, a.HandRestHeight);
        if (a.ForearmSupport > 0) PlantForearms(j, a.ForearmSupport);

        double yaw = a.Yaw * Deg;
        for (int i = 0; i < j.Length; i++) j[i] = j[i].RotateY(yaw) + anchor;
        return new BodyPose(j, a.Held, yaw, a.Equipment);
    }

    /// <summary>Fills joints with the pelvis at the origin, facing +z.</summary>
    private void Local(in BodyAngles a, Vec3[] j)
    {
        double pitch = a.Pitch * Deg, roll = a.Roll * Deg, upperPitch = (a.Pitch + a.SpineCurl) * Deg;
        Vec3 Lower(Vec3 v) => v.RotateZ(roll).RotateX(pitch);
        Vec3 Upper(Vec3 v) => v.RotateZ(roll).RotateX(upperPitch);

        j[(int)Joint.Pelvis] = Vec3.Zero;
        j[(int)Joint.Spine] = Lower(new Vec3(0, _p.Torso * 0.5, 0));
        j[(int)Joint.Neck] = j[(int)Joint.Spine] + Upper(new Vec3(0, _p.Torso * 0.5, 0));
        j[(int)Joint.Head] = j[(int)Joint.Neck] + Upper(new Vec3(0, _p.NeckToHead, 0).RotateX(a.HeadPitch * Deg));

        for (int side = 0; side < 2; side++)
        {
            double s = side == 0 ? 1 : -1; // left is +x
            var arm = side == 0 ? a.LeftArm : a.RightArm;
            var leg = side == 0 ? a.LeftLeg : a.RightLeg;

            Vec3 shoulder = j[(int)Joint.Neck] + Upper(new Vec3(s * _p.ShoulderHalfWidth, -_p.ShoulderDrop, 0));
            Vec3 elbow = shoulder + Upper(Direction(arm.UpperFlexion, s * arm.UpperAbduction)) * _p.UpperArm;
            Vec3 wrist = elbow + Upper(Direction(arm.ForearmFlexion, s * arm.ForearmAbduction)) * _p.Forearm;
            j[(int)Joint.LeftShoulder + side] = shoulder;
            j[(int)Joint.LeftElbow + side] = elbow;
            j[(int)Joint.LeftWrist + side] = wrist;

            Vec3 hip = Lower(new Vec3(s * _p.HipHalfWidth, -_p.HipDrop, 0));
            Vec3 knee = hip + Lower(LegDirection(leg.HipFlexion, s * leg.HipAbduction)) * _p.Thigh;
            Vec3 ankle = knee + Lower(LegDirection(leg.HipFlexion - leg.Knee, s * leg.HipAbduction)) * _p.Shank;
            Vec3 foot = ankle + Lower(LegDirection(leg.HipFlexion - leg.Knee + 90 - leg.Ankle, s * leg.HipAbduction * 0.5)) * _p.FootLength;
            j[(int)Joint.LeftHip + side] = hip;
            j[(int)Joint.LeftKnee + side] = knee;
            j[(int)Joint.LeftAnkle + side] = ankle;
            j[(int)Joint.LeftFoot + side] = foot;
        }
    }

    /// <summary>A unit segment direction from flexion and (signed) abduction in degrees; 0/0 hangs straight down.</summary>
    private static Vec3 Direction(double flexion, double abduction) =>
        new Vec3(0, -1, 0).RotateX(-flexion * Deg).RotateZ(abduction * Deg);

    /// <summary>
    /// A leg segment's direction: abducted first, then flexed, so the knees and feet keep their
    /// distance from the body's midline however far the hips bend (a deep squat's knees stay over
    /// its feet); a standing leg is the same as <see cref="Direction"/>'s.
    /// </summary>
    private static Vec3 LegDirection(double flexion, double abduction) =>
        new Vec3(0, -1, 0).RotateZ(abduction * Deg).RotateX(-flexion * Deg);

    /// <summary>The trunk pitch that puts the shoulders at the supported height, by bisection (height falls as pitch rises).</summary>
    private double SupportPitch(in BodyAngles a)
    {
        double target = a.ForearmSupport >= a.HandSupport
            ? _p.UpperArm + _p.ForearmRadius
            : (_p.ArmReach + _p.HandRadius) * Math.Clamp(a.SupportHeight, 0.1, 1.0) + a.HandRestHeight;
        var j = new Vec3[Joints.Count];
        double lo = 20, hi = 100;
        for (int it = 0; it < 24; it++)
        {
            double mid = (lo + hi) / 2;
            Local(a with { Pitch = mid }, j);
            double floor = double.MaxValue;
            for (int i = 0; i < j.Length; i++)
                if (!IsArm(i)) floor = Math.Min(floor, j[i].Y - Radius((Joint)i));
            double shoulder = (j[(int)Joint.LeftShoulder].Y + j[(int)Joint.RightShoulder].Y) / 2 - floor;
            if (shoulder > target) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    private void PlantHands(Vec3[] j, double weight, double restHeight)
    {
        for (int side = 0; side < 2; side++)
        {
            double s = side == 0 ? 1 : -1;
            Vec3 shoulder = j[(int)Joint.LeftShoulder + side];
            var wrist = new Vec3(shoulder.X + s * 0.04 * _p.Height, restHeight + _p.HandRadius, shoulder.Z + 0.02 * _p.Height);
            Vec3 elbow = TwoBone(shoulder, ref wrist, _p.UpperArm, _p.Forearm, new Vec3(s * 0.6, 0, -1));
            Blend(j, Joint.LeftElbow + side, elbow, weight);
            Blend(j, Joint.LeftWrist + side, wrist, weight);
        }
    }

    private void PlantForearms(Vec3[] j, double weight)
    {
        for (int side = 0; side < 2; side++)
        {
            double s = side == 0 ? 1 : -1;
            Vec3 shoulder = j[(int)Joint.LeftShoulder + side];
            var elbow = new Vec3(shoulder.X, _p.ForearmRadius, shoulder.Z);
            var wrist = elbow + new Vec3(-s * 0.2 * _p.Forearm, 0, 0.97 * _p.Forearm);
            Blend(j, Joint.LeftElbow + side, elbow, weight);
            Blend(j, Joint.LeftWrist + side, wrist, weight);
        }
    }

    private static void Blend(Vec3[] j, Joint joint, Vec3 target, double weight) =>
        j[(int)joint] = Vec3.Lerp(j[(int)joint], target, weight);

    /// <summary>Two-bone IK: the middle joint for a chain root→target, bending towards <paramref name="hint"/>. Pulls an unreachable target in.</summary>
    private static Vec3 TwoBone(Vec3 root, ref Vec3 target, double a, double b, Vec3 hint)
    {
        Vec3 d = target - root;
        double dist = Math.Clamp(d.Length, Math.Abs(a - b) + 1e-3, a + b - 1e-4);
        Vec3 u = d.Normalized();
        target = root + u * dist;
        double cos = Math.Clamp((a * a + dist * dist - b * b) / (2 * a * dist), -1, 1);
        Vec3 v = (hint - u * Vec3.Dot(hint, u)).Normalized();
        return root + u * (a * cos) + v * (a * Math.Sqrt(1 - cos * cos));
    }

    private static bool IsArm(int i) => i is >= (int)Joint.LeftElbow and <= (int)Joint.RightWrist;

    /// <summary>How far a joint's surface reaches below its centre: what touches the floor.</summary>
    public double Radius(Joint joint) => joint switch
    {
        Joint.Pelvis => _p.WaistRadius * 1.1,
        Joint.Spine => _p.ChestRadius * 0.9,
        Joint.Neck => _p.ChestRadius * 0.7,
        Joint.Head => _p.HeadRadius,
        Joint.LeftShoulder or Joint.RightShoulder => _p.UpperArmRadius,
        Joint.LeftElbow or Joint.RightElbow => _p.ForearmRadius,
        Joint.LeftWrist or Joint.RightWrist => _p.HandRadius,
        Joint.LeftHip or Joint.RightHip => _p.ThighRadius,
        Joint.LeftKnee or Joint.RightKnee => _p.ShankRadius,
        Joint.LeftAnkle or Joint.RightAnkle => _p.AnkleHeight,
        _ => _p.FootRadius * 0.6,
    };
}
