using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>Draws flat world-space shapes (floor, wall, props) through a camera, clipping what lies behind it.</summary>
public sealed class WorldCanvas(Mat image, SyntheticCamera camera, SceneLook look)
{
    private const double Near = 0.1;
    private const int Shift = 2;
    private const double One = 1 << Shift;

    public SyntheticCamera Camera => camera;

    public void Polygon(IReadOnlyList<Vec3> corners, Scalar colour, double shade = 1)
    {
        var clipped = ClipNear(corners);
        if (clipped.Count < 3) return;
        var points = clipped.Select(p => { var q = camera.Project(p); return new Point(q.X * One, q.Y * One); }).ToArray();
        Cv2.FillPoly(image, [points], look.Tone(colour, shade), LineTypes.Link8, Shift);
    }

    public void Line(Vec3 a, Vec3 b, Scalar colour, double widthMetres, double shade = 1)
    {
        var c = ClipSegment(a, b);
        if (c.Count < 2) return;
        var p = camera.Project(c[0]);
        var q = camera.Project(c[^1]);
        int width = Math.Max(1, (int)Math.Round(widthMetres * camera.Scale((p.Depth + q.Depth) / 2)));
        Cv2.Line(image, new Point(p.X * One, p.Y * One), new Point(q.X * One, q.Y * One), look.Tone(colour, shade), width, LineTypes.Link8, Shift);
    }

    public void Disc(Vec3 centre, double radiusMetres, Scalar colour, double shade = 1)
    {
        var p = camera.Project(centre);
        if (!p.InFront) return;
        int r = Math.Max(1, (int)(radiusMetres * camera.Scale(p.Depth) * One));
        Cv2.Circle(image, new Point(p.X * One, p.Y * One), r, look.Tone(colour, shade), -1, LineTypes.Link8, Shift);
    }

    private double Ahead(Vec3 p) => Vec3.Dot(p - camera.Position, camera.Forward) - Near;

    /// <summary>Sutherland–Hodgman against the plane just in front of the camera.</summary>
    private List<Vec3> ClipNear(IReadOnlyList<Vec3> polygon)
    {
        var result = new List<Vec3>(polygon.Count + 2);
        for (int i = 0; i < polygon.Count; i++)
        {
            Vec3 a = polygon[i], b = polygon[(i + 1) % polygon.Count];
            double da = Ahead(a), db = Ahead(b);
            if (da >= 0) result.Add(a);
            if ((da >= 0) != (db >= 0)) result.Add(Vec3.Lerp(a, b, da / (da - db)));
        }
        return result;
    }

    private List<Vec3> ClipSegment(Vec3 a, Vec3 b)
    {
        double da = Ahead(a), db = Ahead(b);
        if (da < 0 && db < 0) return [];
        if (da < 0) a = Vec3.Lerp(a, b, da / (da - db));
        else if (db < 0) b = Vec3.Lerp(a, b, da / (da - db));
        return [a, b];
    }
}
