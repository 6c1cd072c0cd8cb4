using LiveWorkout.Core.Pose;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>
/// A session cut into short videos, as demonstration clips and phone recordings show exercise:
/// pieces of 2-15 s that start and end wherever the cut falls (mid-set as often as not), so the
/// model sees windows whose first or last frame stands in for the time beyond the clip's ends, as
/// it does at a replayed clip's ends. In half the pieces the video stops moving after 1-3 s and
/// shows that picture to its end (a demonstration that holds its last frame): the frames repeat
/// the landmarks where it stopped, read again with a pose model's small noise, and keep that
/// moment's label; their rep phase is unknown.
/// </summary>
public static class ShortClips
{
    private const double MinSeconds = 2, MaxSeconds = 15;
    private const double FreezeShare = 0.5;
    private const double MinMovingSeconds = 1, MaxMovingSeconds = 3;

    /// <summary>Noise of a pose model reading the same picture again, as a share of the torso.</summary>
    private const double StillNoise = 0.003;

    /// <summary>Cuts <paramref name="clip"/> (frames <paramref name="step"/> seconds apart) into consecutive short clips; a remainder under <see cref="MinSeconds"/> is dropped.</summary>
    public static List<PoseClip> Cut(PoseClip clip, double step, Random rng)
    {
        var pieces = new List<PoseClip>();
        int minFrames = (int)Math.Round(MinSeconds / step);
        for (int start = 0, k = 0; clip.Count - start >= minFrames; k++)
        {
            int length = (int)Math.Round((MinSeconds + (MaxSeconds - MinSeconds) * rng.NextDouble()) / step);
            int end = Math.Min(clip.Count, start + length);
            var piece = Slice(clip, start, end, $"{clip.Clip}#{k}");
            if (rng.NextDouble() < FreezeShare)
                Freeze(piece, (int)Math.Round((MinMovingSeconds + (MaxMovingSeconds - MinMovingSeconds) * rng.NextDouble()) / step), rng);
            pieces.Add(piece);
            start = end;
        }
        return pieces;
    }

    private static PoseClip Slice(PoseClip clip, int start, int end, string name)
    {
        int n = end - start;
        double t0 = clip.Times[start];
        return new PoseClip(name,
            [.. clip.Times.AsSpan(start, n).ToArray().Select(t => t - t0)],
            clip.Frames.AsSpan(start * PoseFrame.Length, n * PoseFrame.Length).ToArray(),
            clip.Labels.AsSpan(start, n).ToArray(),
            clip.PhaseTargets.AsSpan(2 * start, 2 * n).ToArray());
    }

    /// <summary>From frame <paramref name="moving"/> on, the picture of the frame before it, read again.</summary>
    private static void Freeze(PoseClip piece, int moving, Random rng)
    {
        if (moving < 1 || moving >= piece.Count) return;
        var still = piece.Frames.AsSpan((moving - 1) * PoseFrame.Length, PoseFrame.Length);
        float torso = Torso(still);
        for (int i = moving; i < piece.Count; i++)
        {
            var frame = piece.Frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length);
            still.CopyTo(frame);
            if (PoseFrame.Presence(frame) > 0)
            {
                for (int p = 0; p < PoseFrame.Landmarks; p++)
                    PoseFrame.SetLandmark(frame, p, PoseFrame.X(frame, p) + (float)(Normal(rng) * StillNoise * torso),
                        PoseFrame.Y(frame, p) + (float)(Normal(rng) * StillNoise * torso), PoseFrame.Visibility(frame, p));
            }
            piece.Labels[i] = piece.Labels[moving - 1];
            piece.PhaseTargets[2 * i] = piece.PhaseTargets[2 * i + 1] = float.NaN;
        }
    }

    private static float Torso(ReadOnlySpan<float> frame)
    {
        float sx = (PoseFrame.X(frame, PoseFrame.LeftShoulder) + PoseFrame.X(frame, PoseFrame.RightShoulder)) / 2;
        float sy = (PoseFrame.Y(frame, PoseFrame.LeftShoulder) + PoseFrame.Y(frame, PoseFrame.RightShoulder)) / 2;
        float hx = (PoseFrame.X(frame, PoseFrame.LeftHip) + PoseFrame.X(frame, PoseFrame.RightHip)) / 2;
        float hy = (PoseFrame.Y(frame, PoseFrame.LeftHip) + PoseFrame.Y(frame, PoseFrame.RightHip)) / 2;
        return MathF.Max(1, MathF.Sqrt((sx - hx) * (sx - hx) + (sy - hy) * (sy - hy)));
    }

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
