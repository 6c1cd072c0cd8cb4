using System.Text.Json;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Evaluation;
using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Tests.Evaluation;

public sealed class RecognitionScoreTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static AnnotatedSet Truth(string exercise, double start, double end, int reps) => new(S(start), S(end), exercise, reps, []);

    private static RecognizedSet Predicted(string exercise, double start, double end, int reps) =>
        new(exercise, S(start), S(end), reps, [], 0.9, null);

    private static RecognitionScore Score(IReadOnlyList<RecognizedSet> predicted, params AnnotatedSet[] truth) =>
        RecognitionScore.ForClip("clip", [], predicted, new ClipAnnotation(truth), ExerciseCatalog.All);

    [Fact]
    public void Confusion_matrix_gives_accuracy_per_class_scores_and_macro_f1()
    {
        var m = new ConfusionMatrix(["squat", "push_up", "idle"]);
        m.Add("squat", "squat", 3);
        m.Add("squat", "idle");
        m.Add("idle", "idle", 4);
        m.Add("idle", "squat", 2);

        Assert.Equal(0.7, m.Accuracy, 9);
        var squat = m.PerClass.Single(c => c.Class == "squat");
        Assert.Equal(3.0 / 5, squat.Precision, 9);
        Assert.Equal(3.0 / 4, squat.Recall, 9);
        Assert.Equal(2.0 / 3, squat.F1, 9);
        var idle = m.PerClass.Single(c => c.Class == "idle");
        Assert.Equal(8.0 / 11, idle.F1, 9); // P 4/5, R 4/6
        // push_up never occurs: left out of the macro average.
        Assert.Equal((2.0 / 3 + 8.0 / 11) / 2, m.MacroF1, 9);
        Assert.Equal([3L, 0, 1], m.Counts[0]);
    }

    [Fact]
    public void A_class_only_ever_predicted_counts_in_the_macro_f1_but_not_in_the_one_over_labelled_classes()
    {
        var m = new ConfusionMatrix(["squat", "push_up", "idle"]);
        m.Add("squat", "squat", 3);
        m.Add("squat", "push_up");

        Assert.Equal(3.0 / 4, m.PerClass.Single(c => c.Class == "squat").Recall, 9);
        Assert.Equal((6.0 / 7 + 0) / 2, m.MacroF1, 9);
        Assert.Equal(6.0 / 7, m.MacroF1OverLabelledClasses, 9);
    }

    [Fact]
    public void Unknown_labels_are_appended_to_the_matrix()
    {
        var m = new ConfusionMatrix(["idle"]);
        m.Add("burpee", "idle");

        Assert.Equal(["idle", "burpee"], m.Classes);
        Assert.Equal(1, m.Count("burpee", "idle"));
        Assert.Equal(0, m.Accuracy);
    }

    [Fact]
    public void Frames_are_scored_against_the_labels_with_idle_outside_sets()
    {
        var truth = new ClipAnnotation([Truth("squat", 2, 4, 2)]);
        var times = Enumerable.Range(0, 12).Select(i => S(i * 0.5));
        var sets = new[] { Predicted("squat", 2.5, 4.5, 2) };

        var score = RecognitionScore.ForClip("clip", PredictedFrame.FromSets(times, sets), sets, truth, ExerciseCatalog.All);

        // Truth squat at 2.0–3.5 (end exclusive); prediction squat at 2.5–4.5 (end inclusive).
        Assert.Equal(12, score.Frames.Frames);
        Assert.Equal(9.0 / 12, score.Frames.Accuracy, 9);
        var squat = score.Frames.PerClass.Single(c => c.Class == "squat");
        Assert.Equal(3.0 / 5, squat.Precision, 9);
        Assert.Equal(3.0 / 4, squat.Recall, 9);
        var idle = score.Frames.PerClass.Single(c => c.Class == "idle");
        Assert.Equal(6.0 / 7, idle.Precision, 9);
        Assert.Equal(6.0 / 8, idle.Recall, 9);
    }

    [Fact]
    public void Matched_sets_give_precision_recall_timing_and_reps()
    {
        var score = Score([Predicted("squat", 11, 21, 9), Predicted("push_up", 30.5, 39.5, 8)],
            Truth("squat", 10, 20, 10), Truth("push_up", 30, 40, 8));

        Assert.Equal(new SetMetrics(2, 0, 0, 1, 1, 1), score.Sets);
        Assert.Equal(9.0 / 11, score.Matches[0].Iou, 9);
        Assert.Equal(0.9, score.Matches[1].Iou, 9);
        Assert.Equal(0.75, score.Timing.OnsetMedianSeconds!.Value, 9);   // +1, +0.5
        Assert.Equal(0.95, score.Timing.OnsetAbsP90Seconds!.Value, 9);   // 0.5 + 0.9 × 0.5
        Assert.Equal(0.25, score.Timing.OffsetMedianSeconds!.Value, 9);  // +1, −0.5
        Assert.Equal(0.95, score.Timing.OffsetAbsP90Seconds!.Value, 9);
        Assert.Equal(0.05, score.Reps.Mae!.Value, 9);                     // (1/10 + 0) / 2
        Assert.Equal(1.0, score.Reps.OffByOneAccuracy!.Value, 9);
        Assert.Equal(-0.5, score.Reps.MeanSignedError!.Value, 9);
    }

    [Fact]
    public void Empty_predictions_find_nothing_and_miss_every_rep()
    {
        var score = Score([], Truth("squat", 10, 20, 10), Truth("push_up", 30, 40, 8));

        Assert.Equal(new SetMetrics(0, 0, 2, 0, 0, 0), score.Sets);
        Assert.Equal(new TimingMetrics(0, null, null, null, null), score.Timing);
        Assert.Equal(new RepMetrics(2, 0, 1.0, null, 0.0, null), score.Reps);
    }

    [Fact]
    public void All_idle_clip_without_predictions_is_perfect()
    {
        var times = Enumerable.Range(0, 10).Select(i => S(i));
        var score = RecognitionScore.ForClip("idle", PredictedFrame.FromSets(times, []), [], new ClipAnnotation([]), ExerciseCatalog.All);

        Assert.Equal(new SetMetrics(0, 0, 0, 1, 1, 1), score.Sets);
        Assert.Equal(1.0, score.Frames.Accuracy);
        Assert.Equal(1.0, score.Frames.MacroF1);
        Assert.Equal(new RepMetrics(0, 0, null, null, null, null), score.Reps);
    }

    [Fact]
    public void All_idle_clip_with_a_false_set_scores_zero()
    {
        var score = Score([Predicted("squat", 1, 3, 2)]);

        Assert.Equal(new SetMetrics(0, 1, 0, 0, 0, 0), score.Sets);
    }

    [Fact]
    public void A_set_split_in_two_matches_the_larger_part_only()
    {
        // Truth 10–30 s. Parts: 10–22 (IoU 12/20 = 0.6, matched), 24–30 (IoU 0.3, spurious).
        var score = Score([Predicted("squat", 10, 22, 12), Predicted("squat", 24, 30, 6)], Truth("squat", 10, 30, 20));

        Assert.Equal(1, score.Sets.TruePositives);
        Assert.Equal(1, score.Sets.FalsePositives);
        Assert.Equal(0, score.Sets.FalseNegatives);
        Assert.Equal(0.5, score.Sets.Precision, 9);
        Assert.Equal(1.0, score.Sets.Recall, 9);
        Assert.Equal(2.0 / 3, score.Sets.F1, 9);
        Assert.Equal(0.0, score.Timing.OnsetMedianSeconds!.Value, 9);
        Assert.Equal(-8.0, score.Timing.OffsetMedianSeconds!.Value, 9);
        Assert.Equal(0.4, score.Reps.Mae!.Value, 9); // |12 − 20| / 20
        Assert.Equal(0.0, score.Reps.OffByOneAccuracy!.Value, 9);
    }

    [Fact]
    public void A_set_split_evenly_matches_neither_part()
    {
        var score = Score([Predicted("squat", 10, 19, 9), Predicted("squat", 21, 30, 9)], Truth("squat", 10, 30, 20));

        Assert.Equal(new SetMetrics(0, 2, 1, 0, 0, 0), score.Sets); // IoU 0.45 each
        Assert.Equal(1.0, score.Reps.Mae!.Value, 9);
    }

    [Fact]
    public void Two_sets_merged_into_one_match_the_dominant_set()
    {
        // Pred 10–24 s: IoU 10/14 with the first, 2/14 with the second.
        var score = Score([Predicted("squat", 10, 24, 12)], Truth("squat", 10, 20, 10), Truth("squat", 22, 24, 3));

        Assert.Equal(1, score.Sets.TruePositives);
        Assert.Equal(0, score.Sets.FalsePositives);
        Assert.Equal(1, score.Sets.FalseNegatives);
        Assert.Equal(1.0, score.Sets.Precision, 9);
        Assert.Equal(0.5, score.Sets.Recall, 9);
        Assert.Equal(2.0 / 3, score.Sets.F1, 9);
        Assert.Equal(10.0 / 14, score.Matches.Single().Iou, 9);
        Assert.Equal(0.6, score.Reps.Mae!.Value, 9);      // (2/10 + 1) / 2
        Assert.Equal(0.2, score.Reps.MaeMatched!.Value, 9);
        Assert.Equal(0.0, score.Reps.OffByOneAccuracy!.Value, 9);
    }

    [Fact]
    public void The_wrong_exercise_never_matches()
    {
        var score = Score([Predicted("lunge", 10, 20, 10)], Truth("squat", 10, 20, 10));

        Assert.Equal(new SetMetrics(0, 1, 1, 0, 0, 0), score.Sets);
    }

    [Fact]
    public void Holds_are_left_out_of_rep_metrics()
    {
        var score = Score([Predicted("plank", 0, 30, 0)], Truth("plank", 0, 30, 0));

        Assert.Equal(1, score.Sets.TruePositives);
        Assert.Equal(new RepMetrics(0, 0, null, null, null, null), score.Reps);
    }

    [Fact]
    public void Pooling_micro_aggregates_sets_and_sums_frames()
    {
        var a = Score([Predicted("squat", 11, 21, 9), Predicted("push_up", 30.5, 39.5, 8)], Truth("squat", 10, 20, 10), Truth("push_up", 30, 40, 8));
        var b = Score([], Truth("squat", 10, 20, 10), Truth("push_up", 30, 40, 8));

        var total = new EvaluationReport([a, b]).Total;

        Assert.Equal(2, total.Clips);
        Assert.Equal(2, total.Sets.TruePositives);
        Assert.Equal(2, total.Sets.FalseNegatives);
        Assert.Equal(1.0, total.Sets.Precision, 9);
        Assert.Equal(0.5, total.Sets.Recall, 9);
        Assert.Equal(2.0 / 3, total.Sets.F1, 9);
        Assert.Equal((0.1 + 0 + 1 + 1) / 4, total.Reps.Mae!.Value, 9);
        Assert.Equal(0.5, total.Reps.OffByOneAccuracy!.Value, 9);
        Assert.Equal(0.75, total.Timing.OnsetMedianSeconds!.Value, 9);
    }

    [Fact]
    public void Percentiles_interpolate_between_ranks()
    {
        Assert.Equal(2.5, Metric.Median([4, 1, 3, 2]));
        Assert.Equal(3.7, Metric.Percentile([1, 2, 3, 4], 90)!.Value, 9);
        Assert.Null(Metric.Median([]));
    }

    [Fact]
    public void Report_serialises_to_json_with_nulls_for_undefined_metrics()
    {
        var times = Enumerable.Range(0, 4).Select(i => S(i * 10));
        var sets = new[] { Predicted("squat", 11, 21, 9) };
        var clip = RecognitionScore.ForClip("a.mp4", PredictedFrame.FromSets(times, sets), sets,
            new ClipAnnotation([Truth("squat", 10, 20, 10)]), ExerciseCatalog.All);

        using var json = JsonDocument.Parse(new EvaluationReport([clip]).ToJson());

        var total = json.RootElement.GetProperty("total");
        Assert.Equal(1, total.GetProperty("sets").GetProperty("truePositives").GetInt32());
        Assert.Equal(0.1, total.GetProperty("reps").GetProperty("mae").GetDouble(), 9);
        Assert.Equal(4, total.GetProperty("frames").GetProperty("frames").GetInt64());
        Assert.Equal(JsonValueKind.Array, total.GetProperty("frames").GetProperty("confusion").ValueKind);
        Assert.Equal("a.mp4", json.RootElement.GetProperty("clips")[0].GetProperty("name").GetString());
        var empty = JsonDocument.Parse(new EvaluationReport([Score([])]).ToJson());
        Assert.Equal(JsonValueKind.Null, empty.RootElement.GetProperty("total").GetProperty("timing").GetProperty("onsetMedianSeconds").ValueKind);
    }

    [Fact]
    public void Table_lists_each_clip_the_total_and_per_class_scores()
    {
        var a = Score([Predicted("squat", 11, 21, 9)], Truth("squat", 10, 20, 10));
        var b = Score([], Truth("push_up", 30, 40, 8));
        var text = EvaluationTable.Format(new EvaluationReport([a, b]));
        var lines = text.Split('\n');

        Assert.StartsWith("clip", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("total", StringComparison.Ordinal) && l.Contains("1/0/1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("clip ", StringComparison.Ordinal) && l.Contains("+1.00 s", StringComparison.Ordinal) && l.Contains("0.100", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("class", StringComparison.Ordinal));
    }

    [Fact]
    public void Raw_classifier_and_throughput_pool_by_summing_and_appear_in_the_table_and_json()
    {
        var truth = new ClipAnnotation([Truth("squat", 10, 20, 10)]);
        var a = RecognitionScore.ForClip("a", [], [], truth, ExerciseCatalog.All, new ClassifierMetrics(100, 50), new ThroughputMetrics(100, 10, 2));
        var b = RecognitionScore.ForClip("b", [], [], truth, ExerciseCatalog.All, new ClassifierMetrics(300, 60), new ThroughputMetrics(300, 30, 8));
        var report = new EvaluationReport([a, b]) { Failed = [new ClipIssue("c", "bad labels")] };

        Assert.Equal(110.0 / 400, report.Total.Classifier!.Accuracy, 9);
        Assert.Equal(40.0, report.Total.Throughput!.FramesPerSecond, 9);
        Assert.Equal(4.0, report.Total.Throughput!.RealTimeFactor, 9);
        var lines = EvaluationTable.Format(report).Split('\n');
        Assert.Contains("raw top1", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("total", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(l, @"0\.275\s+40\s+4\.0x$"));
        using var json = JsonDocument.Parse(report.ToJson());
        Assert.Equal(400, json.RootElement.GetProperty("total").GetProperty("classifier").GetProperty("frames").GetInt64());
        Assert.Equal("bad labels", json.RootElement.GetProperty("failed")[0].GetProperty("reason").GetString());
        // Pure metric reports (no pipeline run) keep the plain table.
        Assert.DoesNotContain("raw top1", EvaluationTable.Format(new EvaluationReport([Score([])])), StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_clips_not_recognised_raw_are_counted_by_what_the_classifier_took_them_for()
    {
        var times = Enumerable.Range(0, 30).Select(i => S(i / 10.0)).ToList();
        RecognitionScore Clip(string name, string exercise, long correct, string mostCommon) =>
            RecognitionScore.ForClip(name, PredictedFrame.FromSets(times, []), [], new ClipAnnotation([Truth(exercise, 0, 3, 0)]), ExerciseCatalog.All,
                new ClassifierMetrics(30, correct, mostCommon));
        var report = new EvaluationReport(
        [
            Clip("a", "pull_up", 20, "pull_up"),
            Clip("b", "pull_up", 5, "shoulder_press"),
            Clip("c", "pull_up", 0, "shoulder_press"),
            Clip("d", "pull_up", 10, "idle"),
            Clip("e", "squat", 0, "idle"),
        ]);

        var pullUp = WholeClipMetrics.PerExercise(report.Clips.Select(c => c.WholeClips)).Single(m => m.Exercise == "pull_up");
        Assert.Equal(1, pullUp.RawRecognised);
        Assert.Equal(new Dictionary<string, int> { ["shoulder_press"] = 2, ["idle"] = 1 }, pullUp.RawTakenFor);
        Assert.Equal("shoulder_press 2, idle 1", pullUp.TakenForText());
        Assert.Equal(new Dictionary<string, int> { ["idle"] = 2, ["shoulder_press"] = 2 }, report.Total.WholeClips!.RawTakenFor);
        Assert.Empty(report.Clips[0].WholeClips!.RawTakenFor);
        var lines = EvaluationTable.Format(report).Split('\n');
        Assert.Contains(lines, l => l.StartsWith("pull_up", StringComparison.Ordinal) && l.EndsWith("shoulder_press 2, idle 1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("squat", StringComparison.Ordinal) && l.EndsWith("idle 1", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(report.ToJson());
        Assert.Equal(2, json.RootElement.GetProperty("total").GetProperty("wholeClips").GetProperty("rawTakenFor").GetProperty("shoulder_press").GetInt32());
        Assert.Equal("shoulder_press", json.RootElement.GetProperty("clips")[1].GetProperty("classifier").GetProperty("mostCommon").GetString());
    }

    [Fact]
    public void Sets_right_need_exercise_start_and_end_within_a_second_and_reps_within_one()
    {
        var score = Score(
            [
                Predicted("squat", 10.5, 29.5, 11),       // right: 0.5 s early end, 1 rep over
                Predicted("lunge", 41.5, 60, 10),         // start 1.5 s late
                Predicted("sit_up", 70, 90, 7),           // reps 3 under
                Predicted("plank", 100.8, 130, 0),        // a hold: no reps to count
                Predicted("running", 150, 160, 5),        // matches nothing
            ],
            Truth("squat", 10, 30, 10), Truth("lunge", 40, 60, 10), Truth("sit_up", 70, 90, 10),
            Truth("plank", 100, 130, 0), Truth("push_up", 135, 145, 8));

        Assert.Equal(5, score.SetsRight.Sets);
        Assert.Equal(2, score.SetsRight.Right);
        Assert.Equal(0.4, score.SetsRight.Share!.Value, 9);
        Assert.Equal(["right", "start +1.5 s", "reps -3", "right", "missed", "spurious"], score.SetDetails!.Select(d => d.Verdict));
        Assert.Null(RecognitionScore.Pool("all", [score]).SetDetails);
        Assert.Null(Score([]).SetsRight.Share);
    }

    [Fact]
    public void Confusable_pairs_present_in_the_labels_report_how_often_each_was_taken_for_the_other()
    {
        // 10 s of flat bench and 10 s of incline at 1 frame/s: 4 flat frames called incline, 1 incline frame called flat.
        var frames = Enumerable.Range(0, 20).Select(i => new PredictedFrame(S(i + 0.5),
            i < 10 ? (i < 4 ? "incline_bench_press" : "bench_press") : (i == 10 ? "bench_press" : "incline_bench_press"))).ToList();
        var clip = RecognitionScore.ForClip("clip", frames, [],
            new ClipAnnotation([Truth("bench_press", 0, 10, 8), Truth("incline_bench_press", 10, 20, 8)]), ExerciseCatalog.All);
        var report = new EvaluationReport([clip, clip]);

        var pairs = report.Total.ConfusablePairs!;
        var flatIncline = pairs.Single(p => p.First == "bench_press" && p.Second == "incline_bench_press");
        Assert.Equal((20L, 8L, 20L, 2L), (flatIncline.FirstFrames, flatIncline.FirstAsSecond, flatIncline.SecondFrames, flatIncline.SecondAsFirst));
        Assert.Equal(0.4, flatIncline.FirstAsSecondShare!.Value, 9);
        var flatDecline = pairs.Single(p => p.First == "bench_press" && p.Second == "decline_bench_press");
        Assert.Null(flatDecline.SecondAsFirstShare); // no decline frames labelled
        Assert.DoesNotContain(pairs, p => p.First == "deadlift"); // neither labelled
        Assert.Matches(@"bench_press / incline_bench_press +20 +8 \(0\.400\) +20 +2 \(0\.100\)", EvaluationTable.Format(report));
        Assert.Contains("\"confusablePairs\"", report.ToJson());
        Assert.Null(Score([], Truth("squat", 0, 10, 5)).ConfusablePairs);
    }
}
