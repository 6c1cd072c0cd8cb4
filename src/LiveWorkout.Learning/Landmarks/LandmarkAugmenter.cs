using LiveWorkout.Core.Pose;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>
/// Makes exact synthetic landmarks look like a pose model's output on real footage, one clip at a
/// time: seen in a mirror or not, a slightly rotated and stretched camera, per-landmark jitter and
/// slow drift (the hips more than the rest), wild outliers, left and right named the other way
/// round throughout or for a while,
/// the person lost for a moment, and now and then legs the model can only guess (a close-up).
/// Every clip draws its own amounts, so the model sees clean and noisy clips alike.
/// </summary>
public sealed class LandmarkAugmenter(Random rng)
{
    private static readonly int[] Hips = [PoseFrame.LeftHip, PoseFrame.RightHip];
    private static readonly int[] Legs = [PoseFrame.LeftKnee, PoseFrame.RightKnee, PoseFrame.LeftAnkle, PoseFrame.RightAnkle,
        PoseFrame.LeftHeel, PoseFrame.RightHeel, PoseFrame.LeftFootIndex, PoseFrame.RightFootIndex];

    /// <summary>
    /// Share of clips whose sides are named the other way round throughout, as the pose model
    /// names them for a whole clip of a person seen from behind and read as facing the camera
    /// (on renders it does so in about half the frames of rear views). Training on both namings
    /// keeps the model from relying on which side is which.
    /// </summary>
    public const double OtherSideShare = 0.5;

    /// <summary>
    /// Augments <paramref name="frames"/> (consecutive <see cref="PoseFrame"/>s <paramref name="dt"/>
    /// seconds apart) in place. Returns, per frame, whether its left and right landmarks now name
    /// the other side from the frames given (seen in a mirror, or named the other way round, but not both).
    /// </summary>
    public bool[] Apply(float[] frames, double dt)
    {
        int n = frames.Length / PoseFrame.Length;
        var otherSide = new bool[n];
        if (n == 0) return otherSide;
        var scratch = new float[PoseFrame.Length];
        bool mirror = rng.NextDouble() < 0.5;
        double rotation = Math.Clamp(Normal() * 6, -15, 15) * Math.PI / 180;
        double stretchX = 0.9 + 0.2 * rng.NextDouble(), stretchY = 0.9 + 0.2 * rng.NextDouble();
        double jitter = 0.005 + 0.05 * rng.NextDouble() * rng.NextDouble() * 2; // share of the torso, mostly small
        double drift = 0.5 * jitter + 0.03 * rng.NextDouble();
        double hipExtra = 1 + 2 * rng.NextDouble();
        double outliers = rng.NextDouble() < 0.5 ? 0 : 0.02 * rng.NextDouble();
        bool guessedLegs = rng.NextDouble() < 0.08;
        bool otherSideThroughout = rng.NextDouble() < OtherSideShare;
        double swapRate = rng.NextDouble() < 0.5 ? 0 : 0.04 * dt; // swaps start about once in 25 s
        double dropRate = 0.03 * dt; // the person is lost about once in 30 s
        float torso = MedianTorso(frames, n);
        var driftState = new double[PoseFrame.Landmarks * 2];
        double decay = Math.Exp(-dt / 0.7);
        int swapLeft = 0, dropLeft = 0;

        for (int f = 0; f < n; f++)
        {
            var frame = frames.AsSpan(f * PoseFrame.Length, PoseFrame.Length);
            if (PoseFrame.Presence(frame) <= 0) continue;
            if (mirror)
            {
                PoseFrame.Mirror(frame, scratch);
                scratch.CopyTo(frame);
            }
            float width = PoseFrame.Width(frame), height = PoseFrame.Height(frame);
            double cx = width / 2.0, cy = height / 2.0, cos = Math.Cos(rotation), sin = Math.Sin(rotation);
            for (int i = 0; i < PoseFrame.Landmarks; i++)
            {
                double x = (PoseFrame.X(frame, i) - cx) * stretchX, y = (PoseFrame.Y(frame, i) - cy) * stretchY;
                double scale = torso * (Array.IndexOf(Hips, i) >= 0 ? hipExtra : 1);
                driftState[2 * i] = driftState[2 * i] * decay + Normal() * drift * scale * Math.Sqrt(1 - decay * decay);
                driftState[2 * i + 1] = driftState[2 * i + 1] * decay + Normal() * drift * scale * Math.Sqrt(1 - decay * decay);
                double nx = cx + cos * x - sin * y + driftState[2 * i] + Normal() * jitter * scale;
                double ny = cy + sin * x + cos * y + driftState[2 * i + 1] + Normal() * jitter * scale;
                float visibility = PoseFrame.Visibility(frame, i) * (float)(0.6 + 0.4 * rng.NextDouble());
                if (outliers > 0 && rng.NextDouble() < outliers)
                {
                    nx += Normal() * 0.6 * torso;
                    ny += Normal() * 0.6 * torso;
                    visibility *= 0.5f;
                }
                PoseFrame.SetLandmark(frame, i, (float)nx, (float)ny, visibility);
            }
            if (guessedLegs) GuessLegs(frame, torso);

            if (swapLeft == 0 && swapRate > 0 && rng.NextDouble() < swapRate) swapLeft = (int)((0.3 + 1.5 * rng.NextDouble()) / dt);
            bool swapped = otherSideThroughout;
            if (swapLeft > 0)
            {
                swapLeft--;
                swapped = !swapped;
            }
            if (swapped) SwapSides(frame, scratch);
            otherSide[f] = mirror != swapped;
            if (dropLeft == 0 && rng.NextDouble() < dropRate) dropLeft = (int)Math.Ceiling((0.1 + 1.2 * rng.NextDouble() * rng.NextDouble()) / dt);
            if (dropLeft > 0)
            {
                dropLeft--;
                PoseFrame.SetEmpty(frame, width, height);
            }
            else frame[0] = (float)(0.6 + 0.4 * rng.NextDouble());
        }
        return otherSide;
    }

    /// <summary>Legs the model cannot see: straight down from the hips with large errors and low visibility.</summary>
    private void GuessLegs(Span<float> frame, float torso)
    {
        for (int side = 0; side < 2; side++)
        {
            float hx = PoseFrame.X(frame, PoseFrame.LeftHip + side), hy = PoseFrame.Y(frame, PoseFrame.LeftHip + side);
            for (int k = 0; k < 4; k++)
            {
                int landmark = Legs[2 * k + side];
                float depth = k == 0 ? 1.1f : 2.1f;
                PoseFrame.SetLandmark(frame, landmark, hx + (float)(Normal() * 0.3 * torso), hy + depth * torso + (float)(Normal() * 0.3 * torso), 0.1f);
            }
        }
    }

    /// <summary>Left and right landmarks trade places (a pose model's typical side-view error).</summary>
    private static void SwapSides(Span<float> frame, float[] scratch)
    {
        frame.CopyTo(scratch);
        for (int i = 0; i < PoseFrame.Landmarks; i++)
        {
            int j = PoseFrame.MirrorOf(i);
            PoseFrame.SetLandmark(frame, j, PoseFrame.X(scratch, i), PoseFrame.Y(scratch, i), PoseFrame.Visibility(scratch, i));
        }
    }

    private static float MedianTorso(float[] frames, int n)
    {
        var lengths = new List<float>();
        for (int f = 0; f < n; f += 5)
        {
            var frame = frames.AsSpan(f * PoseFrame.Length, PoseFrame.Length);
            if (PoseFrame.Presence(frame) <= 0) continue;
            lengths.Add(TorsoLength(frame));
        }
        if (lengths.Count == 0) return 1;
        lengths.Sort();
        return Math.Max(1, lengths[lengths.Count / 2]);
    }

    /// <summary>Distance from the shoulders' midpoint to the hips', in pixels.</summary>
    internal static float TorsoLength(ReadOnlySpan<float> frame)
    {
        float sx = (PoseFrame.X(frame, PoseFrame.LeftShoulder) + PoseFrame.X(frame, PoseFrame.RightShoulder)) / 2;
        float sy = (PoseFrame.Y(frame, PoseFrame.LeftShoulder) + PoseFrame.Y(frame, PoseFrame.RightShoulder)) / 2;
        float hx = (PoseFrame.X(frame, PoseFrame.LeftHip) + PoseFrame.X(frame, PoseFrame.RightHip)) / 2;
        float hy = (PoseFrame.Y(frame, PoseFrame.LeftHip) + PoseFrame.Y(frame, PoseFrame.RightHip)) / 2;
        return MathF.Sqrt((sx - hx) * (sx - hx) + (sy - hy) * (sy - hy));
    }

    private double Normal() => Normal(rng);

    /// <summary>A standard normal draw (Box-Muller).</summary>
    internal static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
