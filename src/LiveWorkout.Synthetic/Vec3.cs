namespace LiveWorkout.Synthetic;

/// <summary>A point or direction in the synthetic world: metres, y up, floor at y = 0.</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 Zero => new(0, 0, 0);
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);
    public static Vec3 operator *(Vec3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);
    public static Vec3 operator *(double s, Vec3 a) => a * s;

    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);
    public Vec3 Normalized() { double l = Length; return l > 1e-12 ? this * (1 / l) : this; }
    public static double Dot(Vec3 a, Vec3 b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;
    public static Vec3 Cross(Vec3 a, Vec3 b) => new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);
    public static Vec3 Lerp(Vec3 a, Vec3 b, double t) => a + (b - a) * t;

    /// <summary>Rotation about the x axis; positive angles tip +y towards +z.</summary>
    public Vec3 RotateX(double a) { double c = Math.Cos(a), s = Math.Sin(a); return new(X, Y * c - Z * s, Y * s + Z * c); }

    /// <summary>Rotation about the y (vertical) axis; positive angles turn +z towards +x.</summary>
    public Vec3 RotateY(double a) { double c = Math.Cos(a), s = Math.Sin(a); return new(X * c + Z * s, Y, -X * s + Z * c); }

    /// <summary>Rotation about the z axis; positive angles turn -y towards +x.</summary>
    public Vec3 RotateZ(double a) { double c = Math.Cos(a), s = Math.Sin(a); return new(X * c - Y * s, X * s + Y * c, Z); }
}
