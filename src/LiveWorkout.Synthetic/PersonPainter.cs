using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>
/// Draws a posed person (and what they hold, the bench or seat under them, and the pull-up bar) as shaded capsules and
/// circles, far parts first so near ones cover them. Keeps its buffers between frames.
/// </summary>
public sealed class PersonPainter
{
    private const int Shift = 3;          // sub-pixel bits for smooth motion at low resolution
    private const double One = 1 << Shift;

    private readonly SyntheticPerson _p;
    private readonly SceneLook _look;
    private readonly List<Part> _parts = new(48);
    private readonly Point[] _quad = new Point[4];
    private readonly Scalar _metal, _plate, _bottle, _barColour, _padColour;

    private readonly record struct Part(Vec3 A, Vec3 B, double RadiusA, double RadiusB, Scalar Colour, double Depth, bool Flat);

    public PersonPainter(SyntheticPerson person, SceneLook look)
    {
        _p = person;
        _look = look;
        _metal = new Scalar(150, 150, 150);
        _plate = new Scalar(35, 35, 40);
        _bottle = new Scalar(210, 170, 90);
        _barColour = new Scalar(110, 110, 115);
        _padColour = new Scalar(48, 42, 40);
    }

    /// <summary>Draws one pose. <paramref name="bar"/> is the pull-up bar's centre when the scene has one.</summary>
    public void Draw(Mat image, BodyPose pose, SyntheticCamera camera, Vec3? bar)
    {
        _parts.Clear();
        var j = pose.Joints;
        Vec3 J(Joint x) => j[(int)x];
        var legColour = _p.LongPants ? _p.Legwear : _p.Skin;
        var foreColour = _p.LongSleeves ? _p.Shirt : _p.Skin;

        // Trunk: shirt over the chest and belly, shorts over the hips.
        Add(camera, J(Joint.Pelvis), J(Joint.Spine), _p.WaistRadius, _p.ChestRadius * 0.95, _p.Shirt);
        Add(camera, J(Joint.Spine), J(Joint.Neck) + (J(Joint.Spine) - J(Joint.Neck)) * 0.15, _p.ChestRadius, _p.ChestRadius * 0.9, _p.Shirt);
        Add(camera, J(Joint.LeftShoulder), J(Joint.RightShoulder), _p.UpperArmRadius * 1.25, _p.UpperArmRadius * 1.25, _p.Shirt);
        Add(camera, J(Joint.LeftHip), J(Joint.RightHip), _p.ThighRadius * 1.05, _p.ThighRadius * 1.05, _p.Legwear);
        Add(camera, J(Joint.Neck), Vec3.Lerp(J(Joint.Neck), J(Joint.Head), 0.6), _p.UpperArmRadius * 0.9, _p.UpperArmRadius * 0.9, _p.Skin);
        AddHead(camera, J(Joint.Neck), J(Joint.Head), J(Joint.LeftShoulder) - J(Joint.RightShoulder));

        for (int side = 0; side < 2; side++)
        {
            Vec3 shoulder = j[(int)Joint.LeftShoulder + side], elbow = j[(int)Joint.LeftElbow + side], wrist = j[(int)Joint.LeftWrist + side];
            Vec3 hip = j[(int)Joint.LeftHip + side], knee = j[(int)Joint.LeftKnee + side], ankle = j[(int)Joint.LeftAnkle + side], foot = j[(int)Joint.LeftFoot + side];
            Add(camera, shoulder, elbow, _p.UpperArmRadius, _p.ForearmRadius * 1.05, _p.LongSleeves ? _p.Shirt : Blend(_p.Shirt, _p.Skin, 0.6));
            Add(camera, elbow, wrist, _p.ForearmRadius, _p.ForearmRadius * 0.8, foreColour);
            Add(camera, wrist + (wrist - elbow).Normalized() * (_p.HandRadius * 0.5), wrist + (wrist - elbow).Normalized() * (_p.HandRadius * 0.5), _p.HandRadius, _p.HandRadius, _p.Skin);
            var thighColour = _p.LongPants ? _p.Legwear : _p.Legwear;
            Add(camera, hip, Vec3.Lerp(hip, knee, _p.LongPants ? 1.0 : 0.6), _p.ThighRadius, _p.ShankRadius * 1.15, thighColour);
            if (!_p.LongPants) Add(camera, Vec3.Lerp(hip, knee, 0.55), knee, _p.ThighRadius * 0.85, _p.ShankRadius * 1.05, _p.Skin);
            Add(camera, knee, ankle, _p.ShankRadius * 1.05, _p.ShankRadius * 0.7, legColour);
            Add(camera, ankle, foot, _p.FootRadius, _p.FootRadius * 0.8, _p.Shoes);

            if (pose.Held == HeldProp.Dumbbells) AddDumbbell(camera, wrist, elbow, J(Joint.LeftShoulder) - J(Joint.RightShoulder));
            else if (pose.Held == HeldProp.Bottle && side == 1) AddBottle(camera, wrist, elbow);
        }
        if (pose.Held == HeldProp.Barbell) AddBarbell(camera, J(Joint.LeftWrist), J(Joint.RightWrist), J(Joint.LeftShoulder) - J(Joint.RightShoulder));
        else if (pose.Held == HeldProp.CableHandle) AddCableHandle(camera, J(Joint.LeftWrist), J(Joint.RightWrist), J(Joint.LeftShoulder) - J(Joint.RightShoulder), J(Joint.Head));
        if (bar is { } b) AddBar(camera, b, pose.Yaw);
        if (pose.Equipment != Equipment.None) AddEquipment(camera, pose);

        _parts.Sort((x, y) => y.Depth.CompareTo(x.Depth));
        foreach (var part in _parts) Paint(image, camera, part);
    }

    private void AddHead(SyntheticCamera camera, Vec3 neck, Vec3 head, Vec3 leftward)
    {
        Vec3 up = (head - neck).Normalized();
        Vec3 face = Vec3.Cross(leftward, up).Normalized();
        double r = _p.HeadRadius;
        Add(camera, head, head + up * (r * 0.15), r * 0.92, r * 0.88, _p.Skin);
        // Hair sits on the back and top of the head: it shows which way the person faces.
        Vec3 hair = head - face * (r * 0.32) + up * (r * 0.22);
        Vec3 hairEnd = _p.ShortHair ? hair : hair - up * (r * 1.1) - face * (r * 0.1);
        _parts.Add(new Part(hair, hairEnd, r * 0.86, r * 0.7, _p.Hair, camera.Project(hair).Depth + r * 0.05, false));
        // A nose shows the face direction in profile.
        Vec3 nose = head + face * (r * 0.9) - up * (r * 0.1);
        _parts.Add(new Part(nose, nose, r * 0.2, r * 0.2, Blend(_p.Skin, new Scalar(0, 0, 0), 0.12), camera.Project(nose).Depth, true));
    }

    private void AddDumbbell(SyntheticCamera camera, Vec3 wrist, Vec3 elbow, Vec3 leftward)
    {
        Vec3 handle = (wrist - elbow).Normalized();
        Vec3 grip = wrist + handle * (_p.HandRadius * 0.6);
        Vec3 axis = (leftward - handle * Vec3.Dot(leftward, handle)).Normalized();
        double half = 0.15;
        Add(camera, grip - axis * half, grip + axis * half, 0.014, 0.014, _metal);
        Add(camera, grip - axis * half, grip - axis * (half - 0.05), 0.055, 0.055, _plate);
        Add(camera, grip + axis * half, grip + axis * (half - 0.05), 0.055, 0.055, _plate);
    }

    /// <summary>A bar through both hands (along the shoulders' line when the hands are close) with a plate near each end.</summary>
    private void AddBarbell(SyntheticCamera camera, Vec3 leftWrist, Vec3 rightWrist, Vec3 leftward)
    {
        Vec3 between = leftWrist - rightWrist;
        Vec3 axis = GripAxis(between, leftward);
        Vec3 centre = (leftWrist + rightWrist) * 0.5;
        double half = 0.75;
        Add(camera, centre - axis * half, centre + axis * half, 0.015, 0.015, _metal);
        Add(camera, centre + axis * (half - 0.16), centre + axis * (half - 0.1), 0.12, 0.12, _plate);
        Add(camera, centre - axis * (half - 0.16), centre - axis * (half - 0.1), 0.12, 0.12, _plate);
    }

    /// <summary>A handle through both hands, a little wider than they are apart, on a cable that rises to a pulley above the head.</summary>
    private void AddCableHandle(SyntheticCamera camera, Vec3 leftWrist, Vec3 rightWrist, Vec3 leftward, Vec3 head)
    {
        Vec3 centre = (leftWrist + rightWrist) * 0.5;
        Vec3 between = leftWrist - rightWrist;
        Vec3 axis = GripAxis(between, leftward);
        double half = Math.Max(0.2, between.Length * 0.5 + 0.08);
        Add(camera, centre - axis * half, centre + axis * half, 0.014, 0.014, _metal);
        Vec3 pulley = new(centre.X, Math.Max(head.Y, centre.Y) + 0.9, centre.Z);
        Add(camera, centre, pulley, 0.006, 0.006, _barColour);
    }

    /// <summary>Along the hands when they are apart, else along the shoulders: the axis of a bar held in both.</summary>
    private static Vec3 GripAxis(Vec3 between, Vec3 leftward) => (between.Length > 0.2 ? between : leftward).Normalized();

    private void AddBottle(SyntheticCamera camera, Vec3 wrist, Vec3 elbow)
    {
        Vec3 along = (wrist - elbow).Normalized();
        Vec3 grip = wrist + along * (_p.HandRadius * 0.6);
        Vec3 axis = Vec3.Cross(along, new Vec3(0.3, 0.2, 1)).Normalized();
        Add(camera, grip - axis * 0.09, grip + axis * 0.1, 0.033, 0.03, _bottle);
    }

    /// <summary>Pad half-thickness of a bench or seat, metres.</summary>
    private const double Pad = 0.045;

    /// <summary>
    /// A bench pad along the back from below the pelvis to the neck, and a seat pad under the hips
    /// reaching towards the knees, each on metal legs to the floor. Pads are two capsules side by side.
    /// </summary>
    private void AddEquipment(SyntheticCamera camera, BodyPose pose)
    {
        Vec3 pelvis = pose[Joint.Pelvis], neck = pose[Joint.Neck];
        Vec3 leftward = (pose[Joint.LeftShoulder] - pose[Joint.RightShoulder]).Normalized();
        Vec3 up = (neck - pelvis).Normalized();
        if (pose.Equipment.HasFlag(Equipment.BackPad))
        {
            Vec3 back = Vec3.Cross(up, leftward).Normalized() * (_p.ChestRadius + Pad);
            AddPad(camera, pelvis - up * (pose.Equipment.HasFlag(Equipment.Seat) ? 0.05 : 0.3) + back, neck + up * 0.04 + back, leftward, 0.13);
        }
        if (pose.Equipment.HasFlag(Equipment.Seat))
        {
            Vec3 hips = (pose[Joint.LeftHip] + pose[Joint.RightHip]) * 0.5, knees = (pose[Joint.LeftKnee] + pose[Joint.RightKnee]) * 0.5;
            Vec3 forward = new Vec3(knees.X - hips.X, 0, knees.Z - hips.Z).Normalized();
            double top = Math.Min(pose[Joint.LeftHip].Y, pose[Joint.RightHip].Y) - _p.ThighRadius;
            Vec3 rear = new Vec3(hips.X, top - Pad, hips.Z) - forward * 0.14;
            AddPad(camera, rear, rear + forward * 0.4, new Vec3(leftward.X, 0, leftward.Z).Normalized(), 0.15);
        }
    }

    /// <summary>A pad from <paramref name="a"/> to <paramref name="b"/>, <paramref name="halfWidth"/> to each side, with a leg to the floor under each end above it.</summary>
    private void AddPad(SyntheticCamera camera, Vec3 a, Vec3 b, Vec3 side, double halfWidth)
    {
        Vec3 offset = side * (halfWidth - Pad);
        Add(camera, a + offset, b + offset, Pad, Pad, _padColour);
        Add(camera, a - offset, b - offset, Pad, Pad, _padColour);
        foreach (Vec3 end in (ReadOnlySpan<Vec3>)[Vec3.Lerp(a, b, 0.12), Vec3.Lerp(a, b, 0.88)])
            if (end.Y > 0.1) Add(camera, end, new Vec3(end.X, 0, end.Z), 0.022, 0.022, _barColour);
    }

    private void AddBar(SyntheticCamera camera, Vec3 centre, double yaw)
    {
        Vec3 lateral = new Vec3(1, 0, 0).RotateY(yaw);
        Vec3 l = centre + lateral * 0.75, r = centre - lateral * 0.75;
        Add(camera, l, r, 0.018, 0.018, _metal);
        Add(camera, l, new Vec3(l.X, 0, l.Z), 0.03, 0.03, _barColour);
        Add(camera, r, new Vec3(r.X, 0, r.Z), 0.03, 0.03, _barColour);
    }

    private void Add(SyntheticCamera camera, Vec3 a, Vec3 b, double ra, double rb, Scalar colour)
    {
        double depth = (camera.Project(a).Depth + camera.Project(b).Depth) / 2;
        _parts.Add(new Part(a, b, ra, rb, colour, depth, false));
    }

    private void Paint(Mat image, SyntheticCamera camera, in Part part)
    {
        var a = camera.Project(part.A);
        var b = camera.Project(part.B);
        if (!a.InFront || !b.InFront) return;
        double ra = part.RadiusA * camera.Scale(a.Depth), rb = part.RadiusB * camera.Scale(b.Depth);
        if (part.Flat)
        {
            Capsule(image, a, b, ra, rb, _look.Tone(part.Colour, 0.85), LineTypes.Link8);
            return;
        }
        // A darker full body and a lit core shifted towards the light read as a rounded limb.
        Capsule(image, a, b, ra, rb, _look.Tone(part.Colour, 0.62), LineTypes.AntiAlias);
        double ox = _look.LightX * 0.3, oy = _look.LightY * 0.3;
        var la = new ImagePoint(a.X + ox * ra, a.Y + oy * ra, a.Depth);
        var lb = new ImagePoint(b.X + ox * rb, b.Y + oy * rb, b.Depth);
        Capsule(image, la, lb, ra * 0.62, rb * 0.62, _look.Tone(part.Colour, 1.0), LineTypes.Link8);
    }

    private void Capsule(Mat image, ImagePoint a, ImagePoint b, double ra, double rb, Scalar colour, LineTypes line)
    {
        var ca = new Point(a.X * One, a.Y * One);
        var cb = new Point(b.X * One, b.Y * One);
        Cv2.Circle(image, ca, Math.Max(1, (int)(ra * One)), colour, -1, line, Shift);
        double dx = b.X - a.X, dy = b.Y - a.Y, len = Math.Sqrt(dx * dx + dy * dy);
        if (len < 0.5) return;
        Cv2.Circle(image, cb, Math.Max(1, (int)(rb * One)), colour, -1, line, Shift);
        double nx = -dy / len, ny = dx / len;
        _quad[0] = new Point((a.X + nx * ra) * One, (a.Y + ny * ra) * One);
        _quad[1] = new Point((b.X + nx * rb) * One, (b.Y + ny * rb) * One);
        _quad[2] = new Point((b.X - nx * rb) * One, (b.Y - ny * rb) * One);
        _quad[3] = new Point((a.X - nx * ra) * One, (a.Y - ny * ra) * One);
        Cv2.FillConvexPoly(image, _quad, colour, line, Shift);
    }

    private static Scalar Blend(Scalar a, Scalar b, double t) =>
        new(a.Val0 + (b.Val0 - a.Val0) * t, a.Val1 + (b.Val1 - a.Val1) * t, a.Val2 + (b.Val2 - a.Val2) * t);
}
