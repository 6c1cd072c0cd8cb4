using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>
/// Everything about a scene except the person and their motion: camera placement (azimuth,
/// elevation, distance, roll, mirror), framing, light, camera effects, backdrop seed, props.
/// </summary>
public sealed record SceneSpec(
    double Azimuth, double Elevation, double Distance, double Roll, bool Mirror, Framing Framing,
    SceneLook Look, EffectSettings Effects, int BackdropSeed, bool Bar, bool Mat, Occluder? Occluder)
{
    public static SceneSpec Random(Random rng, SceneOptions options, bool needsBar, bool onFloor)
    {
        var view = options.View;
        if (view == CameraView.Any)
        {
            double u = rng.NextDouble();
            view = u < 0.33 ? CameraView.Front : u < 0.68 ? CameraView.ThreeQuarter : CameraView.Side;
        }
        double side = rng.NextDouble() < 0.5 ? -1 : 1;
        double azimuth = view switch
        {
            CameraView.Front => (rng.NextDouble() - 0.5) * 24,
            CameraView.ThreeQuarter => side * (35 + rng.NextDouble() * 20) + (rng.NextDouble() < 0.1 ? side * 90 : 0),
            _ => side * (80 + rng.NextDouble() * 20),
        };
        double fill = 0.55 + rng.NextDouble() * 0.33;
        double cx = 0.5 + (rng.NextDouble() - 0.5) * (1 - fill);
        double cy = 0.5 + (rng.NextDouble() - 0.5) * (1 - fill);
        if (rng.NextDouble() < options.OutOfFrameChance)
        {
            fill = 0.8 + rng.NextDouble() * 0.4;
            cx = 0.5 + (rng.NextDouble() < 0.5 ? -1 : 1) * (0.2 + rng.NextDouble() * 0.2);
        }
        Occluder? occluder = null;
        if (rng.NextDouble() < options.OcclusionChance)
            occluder = new Occluder(cx + (rng.NextDouble() - 0.5) * fill, cy + rng.NextDouble() * fill * 0.5, 0.15 + rng.NextDouble() * 0.25,
                0.1 + rng.NextDouble() * 0.3, (rng.NextDouble() - 0.5) * 30, new Scalar(rng.Next(30, 200), rng.Next(30, 200), rng.Next(30, 200)));
        var spec = new SceneSpec(
            Azimuth: azimuth,
            Elevation: -12 + rng.NextDouble() * 52, // from a low tripod to a high shelf
            Distance: 2.5 + rng.NextDouble() * 3.5,
            Roll: (rng.NextDouble() - 0.5) * 12,
            Mirror: rng.NextDouble() < 0.5,
            Framing: new Framing(fill, cx, cy),
            Look: options.Effects ? SceneLook.Random(rng) : SceneLook.Neutral,
            Effects: options.Effects ? EffectSettings.Random(rng) : EffectSettings.None,
            BackdropSeed: rng.Next(),
            Bar: needsBar || rng.NextDouble() < 0.08,
            Mat: onFloor && rng.NextDouble() < 0.7,
            Occluder: occluder);
        return options.View == CameraView.Any ? FromBehindNowAndThen(spec, needsBar) : spec;
    }

    /// <summary>Share of scenes with a pull-up bar filmed from behind: people at a bar face the wall it is fixed to.</summary>
    public const double BarFromBehindShare = 0.35;

    /// <summary>Share of other scenes filmed from behind.</summary>
    public const double FromBehindShare = 0.03;

    /// <summary>
    /// Now and then the camera stands behind the person (within 20 degrees), as it does for most
    /// pull-ups filmed in a gym. Drawn from the scene's own backdrop seed, so the draws of every
    /// other scene and of what follows stay as they were.
    /// </summary>
    private static SceneSpec FromBehindNowAndThen(SceneSpec spec, bool needsBar)
    {
        var rng = new Random(spec.BackdropSeed);
        if (!(rng.NextDouble() < (needsBar ? BarFromBehindShare : FromBehindShare))) return spec;
        return spec with { Azimuth = 180 + (rng.NextDouble() - 0.5) * 40 };
    }

    /// <summary>The camera that frames all <paramref name="poses"/> of the person as the spec asks.</summary>
    public SyntheticCamera CameraFor(IReadOnlyCollection<BodyPose> poses, SyntheticPerson person, int width, int height)
    {
        var sum = Vec3.Zero;
        int n = 0;
        foreach (var pose in poses)
            foreach (var j in pose.Joints) { sum += j; n++; }
        Vec3 target = sum * (1.0 / Math.Max(1, n));
        // A low camera stays above the floor (mat exercises bring the target down).
        double lowest = Math.Asin(Math.Clamp((0.25 - target.Y) / Distance, -1, 1)) * 180 / Math.PI;
        var camera = SyntheticCamera.Orbit(target, Azimuth, Math.Max(Elevation, lowest), Distance, Roll, width, height, Mirror);
        return CameraFraming.Fit(camera, poses, person, Framing);
    }
}
