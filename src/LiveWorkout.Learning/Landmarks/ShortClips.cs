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
        double t0 = clip.Times[start];
        return new PoseClip(name, [.. clip.Times[start..end].Select(t => t - t0)],
            clip.Frames[(start * PoseFrame.Length)..(end * PoseFrame.Length)], clip.Labels[start..end], clip.PhaseTargets[(2 * start)..(2 * end)]);
    }

    /// <summary>From frame <paramref name="moving"/> on, the picture of the frame before it, read again.</summary>
    private static void Freeze(PoseClip piece, int moving, Random rng)
    {
        if (moving < 1 || moving >= piece.Count) return;
        var still = piece.Frames.AsSpan((moving - 1) * PoseFrame.Length, PoseFrame.Length);
        float torso = MathF.Max(1, LandmarkAugmenter.TorsoLength(still));
        for (int i = moving; i < piece.Count; i++)
        {
            var frame = piece.Frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length);
            still.CopyTo(frame);
            if (PoseFrame.Presence(frame) > 0)
            {
                for (int p = 0; p < PoseFrame.Landmarks; p++)
                    PoseFrame.SetLandmark(frame, p, PoseFrame.X(frame, p) + (float)(LandmarkAugmenter.Normal(rng) * StillNoise * torso),
                        PoseFrame.Y(frame, p) + (float)(LandmarkAugmenter.Normal(rng) * StillNoise * torso), PoseFrame.Visibility(frame, p));
            }
            piece.Labels[i] = piece.Labels[moving - 1];
            piece.PhaseTargets[2 * i] = piece.PhaseTargets[2 * i + 1] = float.NaN;
        }
    }
}
