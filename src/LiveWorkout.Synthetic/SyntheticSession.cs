using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Synthetic.Motions;
using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>
/// One synthetic workout clip before it is written: a person, a scripted session laid out in time,
/// a scene and a camera framed on everything the person does. Frames can be rendered in any order;
/// each gets its own noise stream from the seed and its index, so the same seed gives the same pixels.
/// </summary>
public sealed class SyntheticSession : IDisposable
{
    private readonly BodySolver _solver;
    private readonly SceneRenderer _renderer;
    private readonly int _seed;

    /// <param name="vocabulary">The exercises its sets are drawn from (<see cref="ExerciseCatalog.Ten"/> by default).</param>
    public SyntheticSession(int seed, int width, int height, double durationSeconds, double fps = 30, SceneOptions? sceneOptions = null,
        IReadOnlyList<string>? vocabulary = null)
    {
        _seed = seed;
        Fps = fps;
        var rng = new Random(seed);
        Person = SyntheticPerson.Random(rng);
        Script = SessionScript.Random(rng, durationSeconds, new Random(SeedMix.Of(seed, VarietyPart)), vocabulary);
        Timeline = new ScriptTimeline(Script, rng);
        _solver = new BodySolver(Person);
        var motions = Timeline.Sets.Select(s => ExerciseMotion.For(s.Segment.Exercise, s.Variant)).ToList();
        bool bar = motions.Any(m => m.UsesBar);
        bool floor = motions.Any(m => m.IsOnFloor);
        // One camera for the whole clip: far enough views only (a side or three-quarter view of a
        // mat exercise and of standing ones alike), framed on postures sampled through the session.
        Scene = SceneSpec.Random(rng, sceneOptions ?? new SceneOptions(OcclusionChance: SceneOptions.SessionOcclusionChance), bar, floor) with { Bar = bar };
        var framingPoses = new List<BodyPose>();
        for (double t = 0; t < durationSeconds; t += 0.25) framingPoses.Add(_solver.Solve(Timeline.AnglesAt(t), Vec3.Zero));
        // Keep the camera well clear of where the person walks (walking lunges, walking about).
        double reach = framingPoses.Max(p => Math.Sqrt(p[Joint.Pelvis].X * p[Joint.Pelvis].X + p[Joint.Pelvis].Z * p[Joint.Pelvis].Z));
        Scene = Scene with { Distance = Math.Max(Scene.Distance, 1.5 + 1.3 * reach) };
        Camera = Scene.CameraFor(framingPoses, Person, width, height);
        _renderer = new SceneRenderer(Person, Scene, Camera, Vec3.Zero);
    }

    /// <summary>The part mixed into the seed for the stream that draws how each set is done.</summary>
    private const int VarietyPart = 0x5E7;

    public SyntheticPerson Person { get; }
    public SessionScript Script { get; }
    public ScriptTimeline Timeline { get; }
    public SceneSpec Scene { get; }
    public SyntheticCamera Camera { get; }
    public double Fps { get; }
    public ClipAnnotation Labels => Timeline.Labels;
    public int FrameCount => (int)Math.Round(Timeline.Duration * Fps);

    public double TimeOf(int frame) => frame / Fps;

    public BodyPose PoseAt(int frame) => _solver.Solve(Timeline.AnglesAt(TimeOf(frame)), Vec3.Zero);

    /// <summary>Renders frame <paramref name="frame"/> into <paramref name="output"/> and returns the pose shown.</summary>
    public BodyPose Render(int frame, Mat output)
    {
        var pose = PoseAt(frame);
        _renderer.Render(pose, output, new Random(unchecked(_seed * 7919 + frame * 104729)));
        return pose;
    }

    public void Dispose() => _renderer.Dispose();
}
