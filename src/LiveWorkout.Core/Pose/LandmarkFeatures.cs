namespace LiveWorkout.Core.Pose;

/// <summary>
/// The per-frame features a landmark model sees, computed from one <see cref="PoseFrame"/> the same
/// way for synthetic training joints and for a pose model's output. Positions are taken relative to
/// the hip centre and divided by the body's size, so where the person stands and how far the camera
/// is do not matter; joint angles and the torso's direction carry the posture. The hip centre's own
/// place in the frame (over the body's size) is there for its motion: a pull-up moves the body
/// past still hands, a press moves the hands over a still body. The sequence model sees how all of
/// them change over its window. A frame with nobody in it is all zeros.
/// </summary>
public static class LandmarkFeatures
{
    /// <summary>The landmarks whose positions are features: nose, shoulders, elbows, wrists, hips, knees, ankles.</summary>
    public static IReadOnlyList<int> Points { get; } =
    [
        PoseFrame.Nose, PoseFrame.LeftShoulder, PoseFrame.RightShoulder, PoseFrame.LeftElbow, PoseFrame.RightElbow,
        PoseFrame.LeftWrist, PoseFrame.RightWrist, PoseFrame.LeftHip, PoseFrame.RightHip,
        PoseFrame.LeftKnee, PoseFrame.RightKnee, PoseFrame.LeftAnkle, PoseFrame.RightAnkle,
    ];

    /// <summary>Joint angles as (end, vertex, end) landmarks: elbows, knees, shoulders (torso to upper arm), hips (torso to thigh).</summary>
    private static readonly (int A, int B, int C)[] Angles =
    [
        (PoseFrame.LeftShoulder, PoseFrame.LeftElbow, PoseFrame.LeftWrist), (PoseFrame.RightShoulder, PoseFrame.RightElbow, PoseFrame.RightWrist),
        (PoseFrame.LeftHip, PoseFrame.LeftKnee, PoseFrame.LeftAnkle), (PoseFrame.RightHip, PoseFrame.RightKnee, PoseFrame.RightAnkle),
        (PoseFrame.LeftHip, PoseFrame.LeftShoulder, PoseFrame.LeftElbow), (PoseFrame.RightHip, PoseFrame.RightShoulder, PoseFrame.RightElbow),
        (PoseFrame.LeftShoulder, PoseFrame.LeftHip, PoseFrame.LeftKnee), (PoseFrame.RightShoulder, PoseFrame.RightHip, PoseFrame.RightKnee),
    ];

    /// <summary>Presence below this is nobody: the pose model's own threshold.</summary>
    public const float PresenceThreshold = 0.5f;

    /// <summary>Largest relative coordinate kept: a wild landmark cannot dominate the features.</summary>
    private const float Limit = 4;

    /// <summary>Floats per frame: positions, angles, the torso's direction, the hip centre in the frame, presence.</summary>
    public static int Size { get; } = 2 * Points.Count + Angles.Length + 2 + 2 + 1;

    /// <summary>Largest offset of the hip centre from the frame's centre kept, in body sizes.</summary>
    private const float FrameLimit = 8;

    /// <summary>Whether <paramref name="features"/> (as <see cref="Compute"/> writes them) are of a person found, not of nobody.</summary>
    public static bool ShowsPerson(ReadOnlySpan<float> features) => features.Length == Size && features[Size - 1] > 0;

    /// <summary>Shoulder width over torso length above which an upright person faces the camera (side-on: under 0.35).</summary>
    public const float FacingShoulderRatio = 0.6f;

    /// <summary>Where the x of a landmark of <see cref="Points"/> lies among the features (its y follows).</summary>
    public static int PositionAt(int landmark)
    {
        for (int i = 0; i < Points.Count; i++)
            if (Points[i] == landmark) return 2 * i;
        throw new ArgumentOutOfRangeException(nameof(landmark), landmark, "not a landmark whose position is a feature");
    }

    private static readonly int LeftShoulderAt = PositionAt(PoseFrame.LeftShoulder), RightShoulderAt = PositionAt(PoseFrame.RightShoulder);

    /// <summary>
    /// Whether <paramref name="features"/> are of an upright person facing the camera, whose
    /// curls, lunges and pull-ups move towards it, where 2D landmarks show motion least.
    /// </summary>
    public static bool FacesCamera(ReadOnlySpan<float> features)
    {
        if (!ShowsPerson(features)) return false;
        float lx = features[LeftShoulderAt], ly = features[LeftShoulderAt + 1], rx = features[RightShoulderAt], ry = features[RightShoulderAt + 1];
        // Positions are from the hip centre, so the shoulders' midpoint is the torso.
        float mx = (lx + rx) / 2, my = (ly + ry) / 2, torso = MathF.Sqrt(mx * mx + my * my);
        if (!(torso > 1e-3f) || MathF.Abs(my) <= MathF.Abs(mx)) return false;
        return MathF.Sqrt((lx - rx) * (lx - rx) + (ly - ry) * (ly - ry)) / torso > FacingShoulderRatio;
    }

    /// <summary>Writes the features of <paramref name="frame"/> (a <see cref="PoseFrame"/>) into <paramref name="destination"/>.</summary>
    public static void Compute(ReadOnlySpan<float> frame, Span<float> destination)
    {
        if (frame.Length < PoseFrame.Length) throw new ArgumentException($"a pose frame holds {PoseFrame.Length} floats, got {frame.Length}", nameof(frame));
        if (destination.Length < Size) throw new ArgumentException($"destination holds {destination.Length} floats, {Size} needed", nameof(destination));
        destination[..Size].Clear();
        if (!(PoseFrame.Presence(frame) >= PresenceThreshold)) return;
        if (LegsOutOfFrame(frame))
        {
            Span<float> completed = stackalloc float[PoseFrame.Length];
            frame[..PoseFrame.Length].CopyTo(completed);
            StraightenLegsOutOfFrame(completed);
            ComputePresent(completed, destination);
        }
        else ComputePresent(frame, destination);
    }

    private static void ComputePresent(ReadOnlySpan<float> frame, Span<float> destination)
    {
        float hx = Mid(frame, PoseFrame.LeftHip, PoseFrame.RightHip, x: true), hy = Mid(frame, PoseFrame.LeftHip, PoseFrame.RightHip, x: false);
        float sx = Mid(frame, PoseFrame.LeftShoulder, PoseFrame.RightShoulder, x: true), sy = Mid(frame, PoseFrame.LeftShoulder, PoseFrame.RightShoulder, x: false);
        float torso = MathF.Sqrt((sx - hx) * (sx - hx) + (sy - hy) * (sy - hy));
        float scale = MathF.Max(torso, 0.2f * Extent(frame));
        if (!(scale > 1e-3f)) return;

        int k = 0;
        foreach (int p in Points)
        {
            destination[k++] = Math.Clamp((PoseFrame.X(frame, p) - hx) / scale, -Limit, Limit);
            destination[k++] = Math.Clamp((PoseFrame.Y(frame, p) - hy) / scale, -Limit, Limit);
        }
        foreach (var (a, b, c) in Angles) destination[k++] = Angle(frame, a, b, c) / MathF.PI;
        destination[k++] = torso > 1e-3f ? (sx - hx) / torso : 0;
        destination[k++] = torso > 1e-3f ? (sy - hy) / torso : 0;
        destination[k++] = Math.Clamp((hx - PoseFrame.Width(frame) / 2) / scale, -FrameLimit, FrameLimit);
        destination[k++] = Math.Clamp((hy - PoseFrame.Height(frame) / 2) / scale, -FrameLimit, FrameLimit);
        destination[k] = 1;
    }

    private static readonly (int Hip, int Knee, int Ankle)[] Legs =
        [(PoseFrame.LeftHip, PoseFrame.LeftKnee, PoseFrame.LeftAnkle), (PoseFrame.RightHip, PoseFrame.RightKnee, PoseFrame.RightAnkle)];

    /// <summary>How far outside the frame, as a share of its larger side, a knee or ankle counts as out of the picture.</summary>
    private const float OutOfFrameMargin = 0.02f;

    private static bool OutOfFrame(ReadOnlySpan<float> frame, int landmark)
    {
        float margin = OutOfFrameMargin * MathF.Max(PoseFrame.Width(frame), PoseFrame.Height(frame));
        float x = PoseFrame.X(frame, landmark), y = PoseFrame.Y(frame, landmark);
        return x < -margin || y < -margin || x > PoseFrame.Width(frame) + margin || y > PoseFrame.Height(frame) + margin;
    }

    /// <summary>Whether a knee or an ankle of the person in <paramref name="frame"/> lies outside the picture.</summary>
    public static bool LegsOutOfFrame(ReadOnlySpan<float> frame) =>
        OutOfFrame(frame, PoseFrame.LeftKnee) || OutOfFrame(frame, PoseFrame.RightKnee) ||
        OutOfFrame(frame, PoseFrame.LeftAnkle) || OutOfFrame(frame, PoseFrame.RightAnkle);

    /// <summary>
    /// Legs the camera does not show (a person filmed from the waist or the knees up) are only
    /// guessed by the pose model, often bent or apart as in a lunge. Where a knee or an ankle lies
    /// outside the frame, that leg is taken as straight on from the thigh, or along the torso when
    /// the knee is out too: a thigh 0.9 and a shin 0.85 torso lengths long.
    /// </summary>
    private static void StraightenLegsOutOfFrame(Span<float> frame)
    {
        float hx = Mid(frame, PoseFrame.LeftHip, PoseFrame.RightHip, x: true), hy = Mid(frame, PoseFrame.LeftHip, PoseFrame.RightHip, x: false);
        float sx = Mid(frame, PoseFrame.LeftShoulder, PoseFrame.RightShoulder, x: true), sy = Mid(frame, PoseFrame.LeftShoulder, PoseFrame.RightShoulder, x: false);
        float torso = MathF.Sqrt((hx - sx) * (hx - sx) + (hy - sy) * (hy - sy));
        if (!(torso > 1e-3f)) return;
        float dx = (hx - sx) / torso, dy = (hy - sy) / torso;
        foreach (var (hip, knee, ankle) in Legs)
        {
            float kx = PoseFrame.X(frame, knee), ky = PoseFrame.Y(frame, knee);
            if (OutOfFrame(frame, knee))
            {
                kx = PoseFrame.X(frame, hip) + 0.9f * torso * dx;
                ky = PoseFrame.Y(frame, hip) + 0.9f * torso * dy;
                PoseFrame.SetLandmark(frame, knee, kx, ky, 0);
                PoseFrame.SetLandmark(frame, ankle, kx + 0.85f * torso * dx, ky + 0.85f * torso * dy, 0);
            }
            else if (OutOfFrame(frame, ankle))
            {
                float tx = kx - PoseFrame.X(frame, hip), ty = ky - PoseFrame.Y(frame, hip);
                float thigh = MathF.Sqrt(tx * tx + ty * ty);
                (float ux, float uy) = thigh > 1e-3f ? (tx / thigh, ty / thigh) : (dx, dy);
                PoseFrame.SetLandmark(frame, ankle, kx + 0.85f * torso * ux, ky + 0.85f * torso * uy, 0);
            }
        }
    }

    private static float Mid(ReadOnlySpan<float> frame, int a, int b, bool x) =>
        x ? 0.5f * (PoseFrame.X(frame, a) + PoseFrame.X(frame, b)) : 0.5f * (PoseFrame.Y(frame, a) + PoseFrame.Y(frame, b));

    /// <summary>The larger side of the box around the feature landmarks, in pixels.</summary>
    private static float Extent(ReadOnlySpan<float> frame)
    {
        float minX = float.MaxValue, maxX = float.MinValue, minY = float.MaxValue, maxY = float.MinValue;
        foreach (int p in Points)
        {
            float x = PoseFrame.X(frame, p), y = PoseFrame.Y(frame, p);
            minX = MathF.Min(minX, x);
            maxX = MathF.Max(maxX, x);
            minY = MathF.Min(minY, y);
            maxY = MathF.Max(maxY, y);
        }
        return MathF.Max(maxX - minX, maxY - minY);
    }

    /// <summary>The angle at <paramref name="b"/> between the segments to <paramref name="a"/> and <paramref name="c"/>, radians (0..pi).</summary>
    private static float Angle(ReadOnlySpan<float> frame, int a, int b, int c)
    {
        float ux = PoseFrame.X(frame, a) - PoseFrame.X(frame, b), uy = PoseFrame.Y(frame, a) - PoseFrame.Y(frame, b);
        float vx = PoseFrame.X(frame, c) - PoseFrame.X(frame, b), vy = PoseFrame.Y(frame, c) - PoseFrame.Y(frame, b);
        float nu = MathF.Sqrt(ux * ux + uy * uy), nv = MathF.Sqrt(vx * vx + vy * vy);
        if (nu < 1e-6f || nv < 1e-6f) return MathF.PI / 2;
        return MathF.Acos(Math.Clamp((ux * vx + uy * vy) / (nu * nv), -1f, 1f));
    }
}
