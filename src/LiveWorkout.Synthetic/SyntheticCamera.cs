namespace LiveWorkout.Synthetic;

/// <summary>
/// A pinhole camera looking at the scene: position and orientation (with roll), focal length and
/// principal point in pixels, image size, and an optional left-right mirror (a selfie view).
/// </summary>
public sealed class SyntheticCamera
{
    private readonly Vec3 _right, _up, _forward;

    public SyntheticCamera(Vec3 position, Vec3 target, double rollDegrees, double focal, double cx, double cy, int width, int height, bool mirror)
    {
        Position = position;
        Target = target;
        Roll = rollDegrees;
        Focal = focal; Cx = cx; Cy = cy; Width = width; Height = height; Mirror = mirror;
        _forward = (target - position).Normalized();
        Vec3 right = Vec3.Cross(_forward, new Vec3(0, 1, 0)).Normalized();
        Vec3 up = Vec3.Cross(right, _forward);
        double r = rollDegrees * Math.PI / 180, c = Math.Cos(r), s = Math.Sin(r);
        _right = right * c + up * s;
        _up = up * c - right * s;
    }

    /// <summary>A camera on a sphere around <paramref name="target"/>: azimuth 0 = in front of a person facing +z, 90 = at their left side.</summary>
    public static SyntheticCamera Orbit(Vec3 target, double azimuthDegrees, double elevationDegrees, double distance, double rollDegrees, int width, int height, bool mirror)
    {
        double az = azimuthDegrees * Math.PI / 180, el = elevationDegrees * Math.PI / 180;
        var offset = new Vec3(Math.Sin(az) * Math.Cos(el), Math.Sin(el), Math.Cos(az) * Math.Cos(el)) * distance;
        return new SyntheticCamera(target + offset, target, rollDegrees, Math.Max(width, height), width / 2.0, height / 2.0, width, height, mirror);
    }

    public Vec3 Position { get; }
    public Vec3 Target { get; }
    public Vec3 Forward => _forward;
    public double Roll { get; }
    public double Focal { get; }
    public double Cx { get; }
    public double Cy { get; }
    public int Width { get; }
    public int Height { get; }
    public bool Mirror { get; }

    public SyntheticCamera WithIntrinsics(double focal, double cx, double cy) =>
        new(Position, Target, Roll, focal, cx, cy, Width, Height, Mirror);

    public ImagePoint Project(Vec3 p)
    {
        Vec3 d = p - Position;
        double z = Vec3.Dot(d, _forward);
        double zi = 1 / Math.Max(z, 1e-3);
        double x = Cx + Focal * Vec3.Dot(d, _right) * zi;
        double y = Cy - Focal * Vec3.Dot(d, _up) * zi;
        return new ImagePoint(Mirror ? Width - x : x, y, z);
    }

    /// <summary>Pixels per metre at a depth.</summary>
    public double Scale(double depth) => Focal / Math.Max(depth, 1e-3);
}
