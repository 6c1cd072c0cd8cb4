namespace LiveWorkout.Core.Pose;

/// <summary>
/// One frame's body landmarks as a flat float array, the form they travel in from the pose stage
/// to the classifier and into training data: presence, the frame's width and height, then
/// BlazePose's 33 landmarks as (x, y, visibility) in frame pixels. Odd landmarks are the person's
/// left. A frame with nobody in it has presence 0 and zeros elsewhere.
/// </summary>
public static class PoseFrame
{
    /// <summary>Landmarks per frame (BlazePose's full-body topology).</summary>
    public const int Landmarks = 33;

    /// <summary>Values per landmark: x, y (pixels), visibility (0..1).</summary>
    public const int ValuesPerLandmark = 3;

    /// <summary>Floats per frame: presence, width, height, then the landmarks.</summary>
    public const int Length = 3 + Landmarks * ValuesPerLandmark;

    public const int Nose = 0, LeftShoulder = 11, RightShoulder = 12, LeftElbow = 13, RightElbow = 14,
        LeftWrist = 15, RightWrist = 16, LeftHip = 23, RightHip = 24, LeftKnee = 25, RightKnee = 26,
        LeftAnkle = 27, RightAnkle = 28, LeftHeel = 29, RightHeel = 30, LeftFootIndex = 31, RightFootIndex = 32;

    /// <summary>Pairs of landmarks joined by a bone, for drawing a skeleton.</summary>
    public static IReadOnlyList<(int From, int To)> Bones { get; } =
    [
        (LeftShoulder, RightShoulder), (LeftHip, RightHip), (LeftShoulder, LeftHip), (RightShoulder, RightHip),
        (LeftShoulder, LeftElbow), (LeftElbow, LeftWrist), (RightShoulder, RightElbow), (RightElbow, RightWrist),
        (LeftHip, LeftKnee), (LeftKnee, LeftAnkle), (RightHip, RightKnee), (RightKnee, RightAnkle),
        (LeftAnkle, LeftHeel), (LeftHeel, LeftFootIndex), (RightAnkle, RightHeel), (RightHeel, RightFootIndex),
    ];

    public static float Presence(ReadOnlySpan<float> frame) => frame[0];

    public static float Width(ReadOnlySpan<float> frame) => frame[1];

    public static float Height(ReadOnlySpan<float> frame) => frame[2];

    public static float X(ReadOnlySpan<float> frame, int landmark) => frame[3 + landmark * ValuesPerLandmark];

    public static float Y(ReadOnlySpan<float> frame, int landmark) => frame[4 + landmark * ValuesPerLandmark];

    public static float Visibility(ReadOnlySpan<float> frame, int landmark) => frame[5 + landmark * ValuesPerLandmark];

    /// <summary>Writes the header of a frame: presence and the frame's size.</summary>
    public static void SetHeader(Span<float> frame, float presence, float width, float height)
    {
        frame[0] = presence;
        frame[1] = width;
        frame[2] = height;
    }

    public static void SetLandmark(Span<float> frame, int landmark, float x, float y, float visibility)
    {
        int at = 3 + landmark * ValuesPerLandmark;
        frame[at] = x;
        frame[at + 1] = y;
        frame[at + 2] = visibility;
    }

    /// <summary>Marks a frame as holding nobody (presence 0, all landmarks zero), keeping its size.</summary>
    public static void SetEmpty(Span<float> frame, float width, float height)
    {
        frame[..Length].Clear();
        SetHeader(frame, 0, width, height);
    }

    /// <summary>The same frame seen in a mirror: x flipped about the frame's width and left and right landmarks swapped.</summary>
    public static void Mirror(ReadOnlySpan<float> frame, Span<float> destination)
    {
        float width = Width(frame);
        SetHeader(destination, Presence(frame), width, Height(frame));
        for (int i = 0; i < Landmarks; i++)
        {
            int j = MirrorOf(i);
            SetLandmark(destination, j, Presence(frame) > 0 ? width - X(frame, i) : 0, Y(frame, i), Visibility(frame, i));
        }
    }

    /// <summary>The landmark on the other side of the body (the nose is its own).</summary>
    public static int MirrorOf(int landmark) => landmark switch
    {
        0 => 0,
        >= 1 and <= 3 => landmark + 3,
        >= 4 and <= 6 => landmark - 3,
        7 => 8,
        8 => 7,
        _ => landmark % 2 == 1 ? landmark + 1 : landmark - 1,
    };
}
