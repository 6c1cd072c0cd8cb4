using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Landmarks;
using LiveWorkout.Learning.Training;

namespace LiveWorkout.Learning.Tests.Landmarks;

public sealed class ShortClipsTests
{
    private static readonly IReadOnlyList<string> Classes = ExerciseCatalog.Ten;
    private static readonly SyntheticLandmarkOptions Exact = new(1, 0, DurationSeconds: 75, Augment: false);

    [Fact]
    public void A_session_is_cut_into_short_clips_in_order_that_start_at_zero_and_often_mid_set()
    {
        int midSet = 0, pieces = 0;
        for (int seed = 40; seed < 46; seed++)
        {
            var session = SyntheticLandmarkClips.MakePoses(seed, Exact);
            var cut = ShortClips.Cut(session, 0.1, new Random(seed));
            int at = 0;
            foreach (var piece in cut)
            {
                Assert.InRange(piece.Count * 0.1, 1.95, 15.05);
                Assert.Equal(0, piece.Times[0]);
                Assert.StartsWith(session.Clip + "#", piece.Clip, StringComparison.Ordinal);
                // The first frame of every piece is the session's frame where the cut fell.
                Assert.Equal(session.Frames.AsSpan(at * PoseFrame.Length, PoseFrame.Length).ToArray(), piece.Frames.AsSpan(0, PoseFrame.Length).ToArray());
                if (piece.Labels[0] != ExerciseCatalog.Idle) midSet++;
                at += piece.Count;
                pieces++;
            }
            Assert.InRange(session.Count - at, 0, 19);
        }
        Assert.True(midSet >= 5, $"{midSet} of {pieces} pieces start inside a set");
    }

    [Fact]
    public void A_piece_that_stops_moving_shows_the_same_body_to_its_end_with_that_moments_label_and_no_rep_phase()
    {
        int frozen = 0;
        var session = SyntheticLandmarkClips.MakePoses(41, Exact);
        foreach (var piece in ShortClips.Cut(session, 0.1, new Random(3)))
        {
            int last = piece.Count - 1;
            if (!float.IsNaN(piece.PhaseTargets[2 * last])) continue;
            int stop = Enumerable.Range(0, piece.Count).First(i => float.IsNaN(piece.PhaseTargets[2 * i]));
            Assert.InRange(stop * 0.1, 0.95, 3.05);
            var still = piece.Frames.AsSpan((stop - 1) * PoseFrame.Length, PoseFrame.Length);
            float torso = MathF.Abs(PoseFrame.Y(still, PoseFrame.LeftShoulder) - PoseFrame.Y(still, PoseFrame.LeftHip)) + MathF.Abs(PoseFrame.X(still, PoseFrame.LeftShoulder) - PoseFrame.X(still, PoseFrame.LeftHip));
            float bound = 0.03f * torso;
            for (int i = stop; i < piece.Count; i++)
            {
                Assert.Equal(piece.Labels[stop - 1], piece.Labels[i]);
                for (int p = 0; p < PoseFrame.Landmarks; p++)
                {
                    // A pose model's noise on the same picture: a few hundredths of the torso, nothing like a moving body.
                    Assert.InRange(PoseFrame.X(piece.Frames.AsSpan(i * PoseFrame.Length), p) - PoseFrame.X(still, p), -bound, bound);
                    Assert.InRange(PoseFrame.Y(piece.Frames.AsSpan(i * PoseFrame.Length), p) - PoseFrame.Y(still, p), -bound, bound);
                }
            }
            frozen++;
        }
        Assert.True(frozen >= 2, $"{frozen} pieces stopped moving");
    }

    [Fact]
    public void Only_the_share_of_sessions_asked_for_is_cut_and_the_others_stay_whole_sessions()
    {
        var whole = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 30);
        var some = whole with { ShortClipShare = 0.5 };
        var counts = Enumerable.Range(60, 8).Select(seed =>
        {
            var plain = SyntheticLandmarkClips.Make(seed, Classes, whole);
            var series = SyntheticLandmarkClips.MakeSeries(seed, Classes, some);
            if (series.Count == 1) Assert.Equal(plain.Embeddings, series[0].Embeddings);
            else Assert.InRange(plain.Count - series.Sum(s => s.Count), 0, 19);
            return series.Count;
        }).ToList();
        Assert.Contains(1, counts);
        Assert.Contains(counts, c => c > 1);
        Assert.All(Enumerable.Range(60, 4), seed => Assert.Single(SyntheticLandmarkClips.MakeSeries(seed, Classes, whole)));
    }

    [Fact]
    public void The_pieces_of_one_session_are_all_trained_on_or_all_validated()
    {
        var options = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 40, ShortClipShare: 1);
        var series = Enumerable.Range(70, 10).SelectMany(seed => SyntheticLandmarkClips.MakeSeries(seed, Classes, options)).ToList();
        var (training, validation) = HeadTrainer.Split(series, new HeadTrainingOptions { ValidationShare = 0.3 }, new Random(1));
        static string Session(ClipEmbeddingSeries s) => s.Clip[..s.Clip.IndexOf('#', StringComparison.Ordinal)];
        Assert.Equal(series.Count, training.Count + validation.Count);
        Assert.Empty(training.Select(Session).Intersect(validation.Select(Session)));
        Assert.Equal(3, validation.Select(Session).Distinct().Count());
    }
}
