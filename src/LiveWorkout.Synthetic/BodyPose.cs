namespace LiveWorkout.Synthetic;

/// <summary>Where every joint of one person is at one instant (world metres), what the hands hold and what the body rests on.</summary>
public sealed class BodyPose(Vec3[] joints, HeldProp held, double yaw, Equipment equipment = Equipment.None)
{
    public Vec3[] Joints { get; } = joints.Length == Synthetic.Joints.Count ? joints : throw new ArgumentException("one position per joint", nameof(joints));
    public HeldProp Held { get; } = held;
    public Equipment Equipment { get; } = equipment;
    /// <summary>The direction the body faces, radians about the vertical (0 = +z).</summary>
    public double Yaw { get; } = yaw;

    public Vec3 this[Joint joint] => Joints[(int)joint];
}
