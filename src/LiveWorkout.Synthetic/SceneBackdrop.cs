using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>
/// The gym behind the person, drawn once per scene: a textured wall with a gradient, a floor
/// (plain, planks or tiles) meeting it, and props: windows, racks with plates, leaning plates,
/// dumbbells and a mat. Everything comes from the scene's own random stream.
/// </summary>
public static class SceneBackdrop
{
    public static void Render(Mat image, SyntheticCamera camera, SceneLook look, Vec3 anchor, Random rng, bool mat)
    {
        int w = camera.Width, h = camera.Height;
        var wallTop = Colour(rng, 90, 230);
        var wallBottom = Shade(wallTop, 0.7 + rng.NextDouble() * 0.4);
        using (var tiny = new Mat(2, 1, MatType.CV_8UC3))
        {
            tiny.Set(0, 0, Vec(look.Tone(wallTop)));
            tiny.Set(1, 0, Vec(look.Tone(wallBottom)));
            Cv2.Resize(tiny, image, new Size(w, h), 0, 0, InterpolationFlags.Linear);
        }
        Texture(image, rng, 0.08 + rng.NextDouble() * 0.2);

        // Wall plane faces the camera, a few metres behind the person, slightly turned.
        Vec3 view = new Vec3(camera.Forward.X, 0, camera.Forward.Z).Normalized();
        view = view.RotateY((rng.NextDouble() - 0.5) * 0.6);
        Vec3 across = Vec3.Cross(view, new Vec3(0, 1, 0)).Normalized();
        double wallDistance = 1.6 + rng.NextDouble() * 2.5;
        Vec3 wallBase = new Vec3(anchor.X, 0, anchor.Z) + view * wallDistance;
        var canvas = new WorldCanvas(image, camera, look);

        Vec3 nearCentre = new Vec3(camera.Position.X, 0, camera.Position.Z) - view * 2;
        var floorColour = Colour(rng, 40, 190);
        canvas.Polygon([wallBase - across * 15, wallBase + across * 15, nearCentre + across * 15, nearCentre - across * 15], floorColour);
        int floorKind = rng.Next(3);
        if (floorKind > 0)
        {
            var seam = Shade(floorColour, 0.75);
            double step = floorKind == 1 ? 0.25 : 0.6;
            for (double x = -6; x <= 6; x += step)
                canvas.Line(wallBase + across * x, nearCentre + across * x, seam, 0.012);
            if (floorKind == 2)
                for (double d = 0; d < wallDistance + 8; d += step)
                    canvas.Line(wallBase - view * d - across * 8, wallBase - view * d + across * 8, seam, 0.012);
        }
        // Skirting line where wall meets floor.
        canvas.Line(wallBase - across * 15, wallBase + across * 15, Shade(wallBottom, 0.5), 0.05);

        for (int i = rng.Next(3); i > 0; i--) Window(canvas, wallBase, across, rng);
        for (int i = rng.Next(3); i > 0; i--) Rack(canvas, wallBase - view * 0.3, across, rng);
        for (int i = rng.Next(4); i > 0; i--) LeaningPlate(canvas, wallBase - view * 0.15, across, rng);
        for (int i = rng.Next(3); i > 0; i--) FloorDumbbell(canvas, wallBase - view * (0.3 + rng.NextDouble()), across, rng);
        if (mat || rng.NextDouble() < 0.2)
        {
            var m = new Vec3(anchor.X, 0.005, anchor.Z);
            Vec3 along = new Vec3(0, 0, 1).RotateY((rng.NextDouble() - 0.5) * 0.2), side = Vec3.Cross(along, new Vec3(0, 1, 0));
            canvas.Polygon([m - along * 0.9 - side * 0.4, m + along * 1.3 - side * 0.4, m + along * 1.3 + side * 0.4, m - along * 0.9 + side * 0.4], Colour(rng, 40, 180));
        }
    }

    private static void Window(WorldCanvas canvas, Vec3 wallBase, Vec3 across, Random rng)
    {
        double x = (rng.NextDouble() - 0.5) * 7, width = 0.7 + rng.NextDouble(), bottom = 0.9 + rng.NextDouble() * 0.5, top = bottom + 0.8 + rng.NextDouble() * 0.8;
        Vec3 c = wallBase + across * x - canvas.Camera.Forward * 0.01;
        var up = new Vec3(0, 1, 0);
        var sky = new Scalar(235, 215, 180 + rng.NextDouble() * 50);
        canvas.Polygon([c + up * bottom, c + across * width + up * bottom, c + across * width + up * top, c + up * top], new Scalar(60, 60, 60));
        canvas.Polygon([c + across * 0.05 + up * (bottom + 0.05), c + across * (width - 0.05) + up * (bottom + 0.05), c + across * (width - 0.05) + up * (top - 0.05), c + across * 0.05 + up * (top - 0.05)], sky);
    }

    private static void Rack(WorldCanvas canvas, Vec3 wallBase, Vec3 across, Random rng)
    {
        double x = (rng.NextDouble() - 0.5) * 6, width = 1.0 + rng.NextDouble() * 0.4, height = 1.6 + rng.NextDouble() * 0.7;
        var steel = Colour(rng, 30, 120);
        Vec3 a = wallBase + across * x, b = a + across * width, up = new Vec3(0, 1, 0);
        canvas.Line(a, a + up * height, steel, 0.06);
        canvas.Line(b, b + up * height, steel, 0.06);
        canvas.Line(a + up * height, b + up * height, steel, 0.05);
        canvas.Line(a + up * 1.2, b + up * 1.2, new Scalar(170, 170, 170), 0.03);
        for (int i = rng.Next(4); i > 0; i--)
            canvas.Disc(a + across * (rng.NextDouble() * width) + up * (0.25 + rng.NextDouble() * 0.5), 0.12 + rng.NextDouble() * 0.1, new Scalar(40, 40, 45));
    }

    private static void LeaningPlate(WorldCanvas canvas, Vec3 wallBase, Vec3 across, Random rng)
    {
        double r = 0.12 + rng.NextDouble() * 0.12;
        Vec3 c = wallBase + across * ((rng.NextDouble() - 0.5) * 6) + new Vec3(0, r, 0);
        var colour = rng.NextDouble() < 0.5 ? new Scalar(35, 35, 40) : Colour(rng, 60, 200);
        canvas.Disc(c, r, colour);
        canvas.Disc(c, r * 0.25, new Scalar(120, 120, 120));
    }

    private static void FloorDumbbell(WorldCanvas canvas, Vec3 wallBase, Vec3 across, Random rng)
    {
        Vec3 c = wallBase + across * ((rng.NextDouble() - 0.5) * 5) + new Vec3(0, 0.06, 0);
        canvas.Line(c - across * 0.15, c + across * 0.15, new Scalar(150, 150, 150), 0.03);
        canvas.Disc(c - across * 0.14, 0.06, new Scalar(30, 30, 35));
        canvas.Disc(c + across * 0.14, 0.06, new Scalar(30, 30, 35));
    }

    /// <summary>Low-frequency blotches: a tiny random image blown up, mixed in lightly.</summary>
    private static void Texture(Mat image, Random rng, double strength)
    {
        int tw = 4 + rng.Next(12), th = 3 + rng.Next(9);
        var bytes = new byte[tw * th * 3];
        rng.NextBytes(bytes);
        // Mostly grey blotches (stains, shadows), a little colour.
        for (int i = 0; i < bytes.Length; i += 3)
        {
            int grey = bytes[i];
            bytes[i + 1] = (byte)((grey * 7 + bytes[i + 1]) / 8);
            bytes[i + 2] = (byte)((grey * 7 + bytes[i + 2]) / 8);
            bytes[i] = (byte)((grey * 7 + bytes[i]) / 8);
        }
        using var tiny = Mat.FromPixelData(th, tw, MatType.CV_8UC3, bytes);
        using var big = new Mat();
        Cv2.Resize(tiny, big, image.Size(), 0, 0, InterpolationFlags.Cubic);
        Cv2.AddWeighted(image, 1 - strength, big, strength, 0, image);
    }

    private static Scalar Colour(Random rng, double min, double max)
    {
        double v = min + rng.NextDouble() * (max - min), s = rng.NextDouble() * 0.35;
        return new Scalar(v * (1 - s * rng.NextDouble()), v * (1 - s * rng.NextDouble()), v * (1 - s * rng.NextDouble()));
    }

    private static Scalar Shade(Scalar c, double f) => new(Math.Min(255, c.Val0 * f), Math.Min(255, c.Val1 * f), Math.Min(255, c.Val2 * f));

    private static Vec3b Vec(Scalar c) => new((byte)c.Val0, (byte)c.Val1, (byte)c.Val2);
}
