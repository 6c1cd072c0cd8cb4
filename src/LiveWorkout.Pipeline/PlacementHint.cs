using LiveWorkout.Core.Pose;

namespace LiveWorkout.Pipeline;

/// <summary>
/// Advice on where the camera stands, shown by the overlay when a person keeps moving and no set
/// is being recognised. Measured on real clips, two placements lose the most: legs out of the
/// picture, and a person facing the camera, whose curls and lunges move towards it where body
/// landmarks show them least.
/// </summary>
public sealed class PlacementHint
{
    /// <summary>How long a placement must last, the person moving and no set open, before the advice shows.</summary>
    public static readonly TimeSpan After = TimeSpan.FromSeconds(5);

    /// <summary>The span over which a limb's travel counts as moving.</summary>
    public static readonly TimeSpan MotionWindow = TimeSpan.FromSeconds(2);

    public const string LegsText = "Legs out of the picture: step back until your feet are in it";
    public const string FrontText = "Facing the camera: turn side-on or at three-quarters to be recognised";

    /// <summary>A limb's travel over <see cref="MotionWindow"/> relative to the hips, in body sizes (torso lengths), above which the person is moving (the pose model's jitter at rest: under 0.1).</summary>
    public const float MovingTravel = 0.3f;

    /// <summary>Where the elbows, wrists, knees and ankles lie among the features (x, then y).</summary>
    private static readonly int[] Limbs = Array.ConvertAll(
        [PoseFrame.LeftElbow, PoseFrame.RightElbow, PoseFrame.LeftWrist, PoseFrame.RightWrist,
         PoseFrame.LeftKnee, PoseFrame.RightKnee, PoseFrame.LeftAnkle, PoseFrame.RightAnkle],
        LandmarkFeatures.PositionAt);

    private const int Capacity = 128;
    private readonly TimeSpan[] _times = new TimeSpan[Capacity];
    private readonly float[] _points = new float[Capacity * 2 * Limbs.Length];
    private readonly float[] _features = new float[LandmarkFeatures.Size];
    private int _start, _count;
    private string? _condition;
    private TimeSpan _since;

    /// <summary>
    /// Takes the latest landmarks (a <see cref="PoseFrame"/>) at <paramref name="now"/> and whether a
    /// set is open; returns the advice to show, or null.
    /// </summary>
    public string? Update(ReadOnlySpan<float> landmarks, bool setOpen, TimeSpan now)
    {
        string? condition = Condition(landmarks, now);
        if (setOpen) condition = null;
        if (condition != _condition)
        {
            _condition = condition;
            _since = now;
        }
        return condition is not null && now - _since >= After ? condition : null;
    }

    private string? Condition(ReadOnlySpan<float> frame, TimeSpan now)
    {
        LandmarkFeatures.Compute(frame, _features);
        if (!LandmarkFeatures.ShowsPerson(_features))
        {
            _count = 0;
            return null;
        }
        Remember(now);
        if (!Moving()) return null;
        if (LandmarkFeatures.LegsOutOfFrame(frame)) return LegsText;
        return LandmarkFeatures.FacesCamera(_features) ? FrontText : null;
    }

    /// <summary>
    /// Keeps the limbs' places from the hips, in body sizes, in a ring of the last <see cref="Capacity"/>
    /// looks within <see cref="MotionWindow"/>. Legs outside the picture are features taken as
    /// straight, so the pose model's wandering guesses there are not motion.
    /// </summary>
    private void Remember(TimeSpan now)
    {
        while (_count > 0 && (now - _times[_start] > MotionWindow || now < _times[_start]))
        {
            _start = (_start + 1) % Capacity;
            _count--;
        }
        if (_count == Capacity)
        {
            _start = (_start + 1) % Capacity;
            _count--;
        }
        int slot = (_start + _count) % Capacity;
        _times[slot] = now;
        for (int i = 0; i < Limbs.Length; i++)
        {
            _points[(slot * Limbs.Length + i) * 2] = _features[Limbs[i]];
            _points[(slot * Limbs.Length + i) * 2 + 1] = _features[Limbs[i] + 1];
        }
        _count++;
    }

    private bool Moving()
    {
        for (int i = 0; i < Limbs.Length; i++)
        {
            float minX = float.MaxValue, maxX = float.MinValue, minY = float.MaxValue, maxY = float.MinValue;
            for (int k = 0; k < _count; k++)
            {
                int at = ((_start + k) % Capacity * Limbs.Length + i) * 2;
                minX = MathF.Min(minX, _points[at]);
                maxX = MathF.Max(maxX, _points[at]);
                minY = MathF.Min(minY, _points[at + 1]);
                maxY = MathF.Max(maxY, _points[at + 1]);
            }
            if (_count > 1 && MathF.Sqrt((maxX - minX) * (maxX - minX) + (maxY - minY) * (maxY - minY)) > MovingTravel) return true;
        }
        return false;
    }
}
