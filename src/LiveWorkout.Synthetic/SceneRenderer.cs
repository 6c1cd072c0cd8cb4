using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>
/// Renders frames of one person in one scene: the backdrop is drawn once and copied into each
/// frame, then the person, any occluder and the camera effects go on top.
/// </summary>
public sealed class SceneRenderer : IDisposable
{
    private readonly Mat _background;
    private readonly PersonPainter _painter;
    private readonly FrameEffects _effects;
    private readonly SceneSpec _spec;
    private readonly Vec3? _bar;
    private readonly Point[] _occluder = new Point[4];

    public SceneRenderer(SyntheticPerson person, SceneSpec spec, SyntheticCamera camera, Vec3 anchor)
    {
        _spec = spec;
        Camera = camera;
        var rng = new Random(spec.BackdropSeed);
        _background = new Mat(camera.Height, camera.Width, MatType.CV_8UC3);
        SceneBackdrop.Render(_background, camera, spec.Look, anchor, rng, spec.Mat);
        _painter = new PersonPainter(person, spec.Look);
        _effects = new FrameEffects(spec.Effects, camera.Width, camera.Height, rng);
        if (spec.Bar) _bar = anchor + new Vec3(0, person.BarHeight + person.HandRadius * 0.4, 0);
        if (spec.Occluder is { } o) OccluderCorners(o, camera.Width, camera.Height);
    }

    public SyntheticCamera Camera { get; }

    /// <summary>Draws one frame into <paramref name="output"/> (allocated on first use); <paramref name="frameRng"/> drives per-frame noise.</summary>
    public void Render(BodyPose pose, Mat output, Random frameRng)
    {
        _background.CopyTo(output);
        _painter.Draw(output, pose, Camera, _bar);
        if (_spec.Occluder is { } o)
            Cv2.FillConvexPoly(output, _occluder, _spec.Look.Tone(o.Colour, 0.8), LineTypes.Link8);
        _effects.Apply(output, frameRng);
    }

    private void OccluderCorners(Occluder o, int width, int height)
    {
        double a = o.AngleDegrees * Math.PI / 180, c = Math.Cos(a), s = Math.Sin(a);
        double hw = o.Width * width / 2, hh = o.Height * height / 2, x = o.X * width, y = o.Y * height;
        (double dx, double dy)[] corners = [(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)];
        for (int i = 0; i < 4; i++)
            _occluder[i] = new Point(x + corners[i].dx * c - corners[i].dy * s, y + corners[i].dx * s + corners[i].dy * c);
    }

    public void Dispose()
    {
        _background.Dispose();
        _effects.Dispose();
    }
}
