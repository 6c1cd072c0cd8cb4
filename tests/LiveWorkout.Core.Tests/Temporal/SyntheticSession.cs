using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Tests.Temporal;

/// <summary>
/// Builds frame predictions for scripted sessions: stretches of a label at a fixed frame rate,
/// with the classifier confident (0.9) in the scripted label, and optionally an embedding
/// that moves periodically during reps.
/// </summary>
internal sealed class SyntheticSession
{
    public static IReadOnlyList<string> Classes => ExerciseCatalog.All;

    private readonly List<FramePrediction> _frames = [];
    private readonly int _fps;
    private readonly int _dims;
    private readonly Random _random;
    private readonly double[] _direction;
    private readonly double[] _sideDirection;

    private readonly bool _repPhase;

    /// <param name="repPhase">Every frame carries a rep phase, as from a model with a phase head: (0, 0) unless a stretch asks for one.</param>
    public SyntheticSession(int fps = 10, int embeddingDims = 0, int seed = 1, bool repPhase = false)
    {
        _repPhase = repPhase;
        _fps = fps;
        _dims = embeddingDims;
        _random = new Random(seed);
        _direction = new double[embeddingDims];
        double norm = 0;
        for (int k = 0; k < embeddingDims; k++) { _direction[k] = _random.NextDouble() - 0.5; norm += _direction[k] * _direction[k]; }
        for (int k = 0; k < embeddingDims; k++) _direction[k] /= Math.Sqrt(norm);
        // A second direction at right angles to the first (one Gram-Schmidt step), from its own
        // generator so the noise of every other session stays as it was.
        var sideRandom = new Random(seed + 1);
        _sideDirection = new double[embeddingDims];
        double along = 0;
        for (int k = 0; k < embeddingDims; k++) { _sideDirection[k] = sideRandom.NextDouble() - 0.5; along += _sideDirection[k] * _direction[k]; }
        norm = 0;
        for (int k = 0; k < embeddingDims; k++) { _sideDirection[k] -= along * _direction[k]; norm += _sideDirection[k] * _sideDirection[k]; }
        for (int k = 0; k < embeddingDims; k++) _sideDirection[k] /= Math.Sqrt(norm);
    }

    public IReadOnlyList<FramePrediction> Frames => _frames;

    public TimeSpan Now => Time(_frames.Count);

    public TimeSpan Time(long index) => TimeSpan.FromTicks(index * TimeSpan.TicksPerSecond / _fps);

    /// <summary>Frames labelled <paramref name="label"/> for <paramref name="seconds"/>; the embedding is still (noise only).</summary>
    public SyntheticSession Add(string label, double seconds, double offset = 0, double noise = 0) =>
        Add(label, seconds, _ => offset, noise);

    /// <summary>Reps: the embedding swings along one direction with the given period, starting at the stretch's start.</summary>
    public SyntheticSession AddReps(string label, double period, int reps, double noise = 0.3, double amplitude = 1) =>
        Add(label, period * reps, t => amplitude * Math.Sin(2 * Math.PI * t / period), noise);

    /// <summary>
    /// Reps from rest and back, like a squat from standing: each goes out to the far extreme
    /// (<paramref name="sign"/> along the motion direction) at mid-rep and returns to where the
    /// stretches around it (offset 0) are. A fraction of a rep stops the stretch mid-rep.
    /// </summary>
    public SyntheticSession AddRepsFromRest(string label, double period, double reps, double sign, double noise = 0.3) =>
        Add(label, period * reps, t => sign * 0.5 * (1 - Math.Cos(2 * Math.PI * t / period)), noise);

    /// <summary>
    /// Reps that alternate sides (a lunge on the left leg, then the right): each rep swings along
    /// one direction as in <see cref="AddReps"/>, and which side leads moves the embedding along a
    /// second direction, <paramref name="sideShare"/> as far, so the picture repeats only every two reps.
    /// </summary>
    public SyntheticSession AddAlternatingReps(string label, double period, int reps, double sideShare, double noise = 0.3) =>
        Add(label, period * reps, t => Math.Sin(2 * Math.PI * t / period), noise,
            t => sideShare * Math.Sin(Math.PI * t / period));

    /// <summary>
    /// Frames where the classifier is unsure: <paramref name="label"/> gets <paramref name="share"/>,
    /// <paramref name="rival"/> (idle unless given) the rest but a little, so the rival is the top
    /// class; in a session with a rep phase, <paramref name="phaseMagnitude"/> is how long it is.
    /// </summary>
    public SyntheticSession AddUnsure(string label, double seconds, double share, string rival = ExerciseCatalog.Idle, double phaseMagnitude = 0) =>
        Add(label, seconds, _ => 0, 0, probabilities: p =>
        {
            Array.Fill(p, 0.005f);
            p[Classes.ToList().IndexOf(label)] = (float)share;
            p[Classes.ToList().IndexOf(rival)] = (float)(1 - share - 0.005 * (Classes.Count - 2));
        }, phaseMagnitude: phaseMagnitude);

    /// <summary>Frames of a confident <paramref name="label"/> whose rep phase (in a session with one) is <paramref name="phaseMagnitude"/> long.</summary>
    public SyntheticSession AddInMotion(string label, double seconds, double phaseMagnitude) =>
        Add(label, seconds, _ => 0, 0, phaseMagnitude: phaseMagnitude);

    private SyntheticSession Add(string label, double seconds, Func<double, double> motion, double noise, Func<double, double>? side = null,
        Action<float[]>? probabilities = null, double phaseMagnitude = 0)
    {
        int count = (int)Math.Round(seconds * _fps);
        int labelIndex = Classes.ToList().IndexOf(label);
        for (int i = 0; i < count; i++)
        {
            var p = new float[Classes.Count];
            Array.Fill(p, 0.01f);
            p[labelIndex] = 0.9f;
            probabilities?.Invoke(p);
            var e = new float[_dims];
            double m = motion((double)i / _fps);
            double sideways = side?.Invoke((double)i / _fps) ?? 0;
            for (int k = 0; k < _dims; k++) e[k] = (float)(m * _direction[k] + sideways * _sideDirection[k] + noise * Gaussian());
            // A rep phase turning once every 2 s, as long as asked.
            float[]? phase = _repPhase
                ? [(float)(phaseMagnitude * Math.Cos(Math.PI * i / _fps)), (float)(phaseMagnitude * Math.Sin(Math.PI * i / _fps))]
                : null;
            _frames.Add(new FramePrediction(_frames.Count, Now, p, e, phase));
        }
        return this;
    }

    private double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
