using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LiveWorkout.Cli;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Tests.Evaluation;

public sealed partial class ReplayEvaluateTests(EvaluationFixture fixture) : IClassFixture<EvaluationFixture>
{
    private sealed record Run(int Code, string Output, string Error);

    private async Task<Run> Replay(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["replay", .. args, "--model", fixture.ModelPath, "--device", "cpu"], output, error);
        return new Run(code, output.ToString(), error.ToString());
    }

    /// <summary>A new folder holding the fixture's two labelled clips.</summary>
    private string LabelledFolder(string name)
    {
        string folder = fixture.NewFolder(name);
        foreach (var clip in fixture.Clips)
        {
            File.Copy(clip.VideoPath, Path.Combine(folder, Path.GetFileName(clip.VideoPath)));
            File.Copy(clip.LabelsPath, Path.Combine(folder, Path.GetFileName(clip.LabelsPath)));
        }
        return folder;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task A_folder_of_labelled_clips_is_scored_with_a_table_json_and_html_report()
    {
        string folder = LabelledFolder("folder-run");
        // A video without labels, one folder down: skipped with a warning.
        Directory.CreateDirectory(Path.Combine(folder, "more"));
        File.Copy(fixture.Clips[0].VideoPath, Path.Combine(folder, "more", "unlabelled.mp4"));
        string report = Path.Combine(folder, "report"), json = Path.Combine(folder, "scores.json"), trace = Path.Combine(folder, "trace");

        var run = await Replay(folder, "--evaluate", "--report", report, "--json", json, "--trace", trace);

        Assert.True(run.Code == ExitCodes.Ok, run.Error);
        Assert.Equal([$"warning: skipped {Path.Combine("more", "unlabelled.mp4")}: no labels file (unlabelled.labels.csv)"], Lines(run.Error));
        var table = Lines(run.Output);
        Assert.Contains(table, l => l.StartsWith("clip ", StringComparison.Ordinal) && l.Contains("set F1", StringComparison.Ordinal) && l.Contains("raw top1", StringComparison.Ordinal));
        Assert.Contains(table, l => l.StartsWith("session-0.mp4 ", StringComparison.Ordinal));
        Assert.Contains(table, l => l.StartsWith("total ", StringComparison.Ordinal));

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("clips").GetArrayLength());
        Assert.Equal("more/unlabelled.mp4", root.GetProperty("skipped")[0].GetProperty("clip").GetString());
        Assert.Equal(0, root.GetProperty("failed").GetArrayLength());
        var total = root.GetProperty("total");
        // Every frame of both clips was classified and scored, and the truth side matches the labels.
        Assert.Equal(fixture.Clips.Sum(c => c.Frames), total.GetProperty("frames").GetProperty("frames").GetInt64());
        Assert.Equal(fixture.Clips.Sum(c => c.Frames), total.GetProperty("classifier").GetProperty("frames").GetInt64());
        var sets = total.GetProperty("sets");
        Assert.Equal(2, sets.GetProperty("truePositives").GetInt32() + sets.GetProperty("falseNegatives").GetInt32());
        Assert.Equal(2, total.GetProperty("reps").GetProperty("sets").GetInt32());
        var support = total.GetProperty("frames").GetProperty("perClass").EnumerateArray()
            .ToDictionary(c => c.GetProperty("class").GetString()!, c => c.GetProperty("support").GetInt64());
        foreach (var set in fixture.Clips.SelectMany(c => c.Labels.Sets))
            Assert.Equal(FramesInside(set), support[set.Exercise]);
        Assert.True(total.GetProperty("throughput").GetProperty("realTimeFactor").GetDouble() > 0);
        // The report folder holds the same JSON.
        Assert.Equal(File.ReadAllText(json), File.ReadAllText(Path.Combine(report, "evaluation.json")));

        string html = File.ReadAllText(Path.Combine(report, "evaluation.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalResource(), html);
        var svgs = Svg().Matches(html).Select(m => XElement.Parse(m.Value)).ToList(); // inline SVG is well-formed XML
        Assert.Equal(2, svgs.Count(s => (string?)s.Attribute("class") == "ribbon"));
        Assert.Single(svgs, s => (string?)s.Attribute("class") == "confusion");
        Assert.Contains("session-1.mp4", html, StringComparison.Ordinal);
        Assert.Contains(">truth<", html, StringComparison.Ordinal);
        Assert.Contains(">predicted<", html, StringComparison.Ordinal);
        // A push-up set is labelled: its confusable pair is reported in the table, the JSON and the page.
        Assert.Contains(table, l => l.StartsWith("push_up / tricep_dip ", StringComparison.Ordinal));
        Assert.Equal("tricep_dip", total.GetProperty("confusablePairs")[0].GetProperty("second").GetString());
        Assert.Contains("<td>Push-up / Tricep dip</td>", html, StringComparison.Ordinal);

        // --trace: one CSV per clip, a row per classified frame with its labelled class and the classifier's view of it.
        Assert.Equal(["session-0.frames.csv", "session-1.frames.csv"], Directory.GetFiles(trace).Select(Path.GetFileName).Order());
        foreach (var clip in fixture.Clips)
        {
            var rows = File.ReadAllLines(Path.Combine(trace, Path.GetFileNameWithoutExtension(clip.VideoPath) + ".frames.csv"));
            var header = rows[0].Split(',');
            Assert.Equal(["time_s", "label", "top"], header[..3]);
            Assert.Equal(["phase_cos", "phase_sin"], header[^2..]);
            int classes = header.Length - 5;
            Assert.Equal(clip.Frames, rows.Length - 1);
            foreach (var row in rows.Skip(1).Select(r => r.Split(',')))
            {
                var time = TimeSpan.FromSeconds(double.Parse(row[0], CultureInfo.InvariantCulture));
                Assert.Equal(clip.Labels.LabelAt(time), row[1]);
                var probabilities = row[3..(3 + classes)].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                Assert.InRange(probabilities.Sum(), 0.99, 1.01);
                // The top class has the highest probability as written (to four places, where classes may tie).
                Assert.Equal(probabilities.Max(), probabilities[Array.IndexOf(header, row[2]) - 3]);
            }
        }
    }

    [Fact]
    public async Task Whole_clip_labels_make_each_clip_one_set_of_its_folder_class_and_skip_unknown_classes()
    {
        string root = fixture.NewFolder("by-class");
        string clip = fixture.Pipeline.WriteClip("disc.mp4", seconds: 2);
        foreach (string cls in new[] { "squat", "deadlift" })
        {
            Directory.CreateDirectory(Path.Combine(root, cls));
            File.Copy(clip, Path.Combine(root, cls, "a.mp4"));
        }
        File.Copy(clip, Path.Combine(root, "deadlift", "b.mp4"));
        string json = Path.Combine(root, "scores.json");

        var run = await Replay(root, "--evaluate", "--whole-clip-labels", "--json", json);

        Assert.True(run.Code == ExitCodes.Ok, run.Error);
        Assert.Equal(["warning: skipped 2 clips of classes the model does not know: deadlift (2)"], Lines(run.Error));
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(2, doc.RootElement.GetProperty("unknownClasses").GetProperty("deadlift").GetInt32());
        var clipScore = Assert.Single(doc.RootElement.GetProperty("clips").EnumerateArray());
        Assert.Equal(Path.Combine("squat", "a.mp4"), clipScore.GetProperty("name").GetString());
        var squat = clipScore.GetProperty("frames").GetProperty("perClass").EnumerateArray().Single(c => c.GetProperty("class").GetString() == "squat");
        Assert.Equal(60, squat.GetProperty("support").GetInt64()); // every frame is squat
        var sets = clipScore.GetProperty("sets");
        Assert.Equal(1, sets.GetProperty("truePositives").GetInt32() + sets.GetProperty("falseNegatives").GetInt32());
        Assert.Equal(0, clipScore.GetProperty("reps").GetProperty("sets").GetInt32()); // reps unknown: left out
        // A disc is not a squat: the report says what the classifier took the clip for.
        string taken = clipScore.GetProperty("classifier").GetProperty("mostCommon").GetString()!;
        Assert.NotEqual("squat", taken);
        Assert.Equal(0, clipScore.GetProperty("wholeClips").GetProperty("rawRecognised").GetInt32());
        Assert.Equal(1, clipScore.GetProperty("wholeClips").GetProperty("rawTakenFor").GetProperty(taken).GetInt32());
        Assert.Contains(Lines(run.Output), l => l.StartsWith("squat", StringComparison.Ordinal) && l.EndsWith($"{taken} 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_labels_file_is_one_line_naming_it_and_the_other_clips_go_on()
    {
        string folder = fixture.NewFolder("malformed");
        var good = fixture.Clips[1];
        File.Copy(good.VideoPath, Path.Combine(folder, "good.mp4"));
        File.Copy(good.LabelsPath, Path.Combine(folder, "good.labels.csv"));
        File.Copy(good.VideoPath, Path.Combine(folder, "bad.mp4"));
        string badLabels = Path.Combine(folder, "bad.labels.csv");
        File.WriteAllText(badLabels, ClipAnnotation.Header + "\n1.0,abc,squat,3,\n");
        string json = Path.Combine(folder, "scores.json");

        var run = await Replay(folder, "--evaluate", "--json", json);

        Assert.Equal(ExitCodes.Failed, run.Code);
        var errors = Lines(run.Error);
        var line = Assert.Single(errors, l => l.Contains(badLabels, StringComparison.Ordinal));
        Assert.Matches($"^error: {Regex.Escape(badLabels)} line 2: 'abc' is not a time in seconds$", line);
        Assert.Equal("error: 1 of 2 clips could not be evaluated (see the lines above)", errors[^1]);
        Assert.Equal(2, errors.Length);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("good.mp4", Assert.Single(doc.RootElement.GetProperty("clips").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("bad.mp4", Assert.Single(doc.RootElement.GetProperty("failed").EnumerateArray()).GetProperty("clip").GetString());
    }

    [Fact]
    public async Task Saved_predictions_replay_the_temporal_logic_alone_to_the_scores_of_the_whole_pipeline()
    {
        string folder = LabelledFolder("predictions");
        string saved = Path.Combine(folder, "saved");
        // Settings under which the untrained model's frames make sets, so there is something to compare.
        string[] eager = ["--set", "Temporal:ConfidenceThreshold=0", "--set", "Temporal:SetStartSeconds=0.2", "--set", "Temporal:MinRepsPerSet=0"];

        var whole = await Replay([folder, "--evaluate", "--json", Path.Combine(folder, "whole.json"), "--save-predictions", saved, .. eager]);
        var again = await Replay([folder, "--evaluate", "--json", Path.Combine(folder, "again.json"), "--from-predictions", saved, .. eager]);
        var other = await Replay([folder, "--evaluate", "--json", Path.Combine(folder, "other.json"), "--from-predictions", saved]);

        foreach (var run in new[] { whole, again, other }) Assert.True(run.Code == ExitCodes.Ok, run.Error);
        Assert.Equal(["session-0.predictions", "session-1.predictions"], Directory.GetFiles(saved).Select(Path.GetFileName).Order());
        var wholeClips = ClipScores(Path.Combine(folder, "whole.json"));
        Assert.True(wholeClips.Sum(c => c.Sets) > 0, "the eager settings should make sets of the untrained model's frames");
        // The same settings give the same sets, frames and reps; other settings other results.
        Assert.Equal(wholeClips, ClipScores(Path.Combine(folder, "again.json")));
        Assert.NotEqual(wholeClips, ClipScores(Path.Combine(folder, "other.json")));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("other-classes")]
    public async Task Saved_predictions_that_cannot_be_used_are_one_line_per_clip_and_the_others_go_on(string kind)
    {
        string folder = LabelledFolder("predictions-" + kind);
        string saved = Path.Combine(folder, "saved");
        Assert.Equal(ExitCodes.Ok, (await Replay(folder, "--evaluate", "--save-predictions", saved)).Code);
        string spoilt = Path.Combine(saved, "session-1.predictions");
        if (kind == "missing") File.Delete(spoilt);
        else
        {
            var record = PredictionLog.Read(spoilt);
            PredictionLog.Write(spoilt, record with { Classes = [.. record.Classes.Select(c => c == "squat" ? "deadlift" : c)] });
        }
        string json = Path.Combine(folder, "scores.json");

        var run = await Replay(folder, "--evaluate", "--json", json, "--from-predictions", saved);

        Assert.Equal(ExitCodes.Failed, run.Code);
        var errors = Lines(run.Error);
        Assert.Equal(2, errors.Length);
        Assert.StartsWith($"error: {Path.Combine(folder, "session-1.mp4")}: {spoilt} ", errors[0], StringComparison.Ordinal);
        Assert.Contains(kind == "missing" ? "--save-predictions" : "--model", errors[0], StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("session-0.mp4", Assert.Single(doc.RootElement.GetProperty("clips").EnumerateArray()).GetProperty("name").GetString());
    }

    /// <summary>Per clip of a --json file: its sets found, set details, frame scores and rep scores, as comparable text.</summary>
    private static List<(string Name, int Sets, string Details)> ClipScores(string json)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        return doc.RootElement.GetProperty("clips").EnumerateArray().Select(c =>
        {
            var sets = c.GetProperty("sets");
            return (c.GetProperty("name").GetString()!, sets.GetProperty("truePositives").GetInt32() + sets.GetProperty("falsePositives").GetInt32(),
                string.Join("|", c.GetProperty("setDetails").GetRawText(), c.GetProperty("frames").GetRawText(), c.GetProperty("reps").GetRawText(), c.GetProperty("timing").GetRawText()));
        }).ToList();
    }

    [Fact]
    public async Task An_unreadable_video_is_one_line_naming_it_with_exit_code_1()
    {
        string folder = fixture.NewFolder("unreadable");
        string video = Path.Combine(folder, "broken.mp4");
        File.WriteAllText(video, "this is not a video");
        File.Copy(fixture.Clips[0].LabelsPath, ClipAnnotation.PathFor(video));

        var run = await Replay(video, "--evaluate");

        Assert.Equal(ExitCodes.Failed, run.Code);
        string line = Assert.Single(Lines(run.Error));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(video, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-labels")]
    [InlineData("json-without-evaluate")]
    [InlineData("trace-without-evaluate")]
    [InlineData("predictions-without-evaluate")]
    [InlineData("save-and-read-predictions")]
    [InlineData("empty-folder")]
    public async Task Bad_requests_are_one_line_with_exit_code_2(string kind)
    {
        string folder = fixture.NewFolder("bad-" + kind);
        string clip = Path.Combine(folder, "clip.mp4");
        File.Copy(fixture.Clips[0].VideoPath, clip);
        var run = kind switch
        {
            "no-labels" => await Replay(clip, "--evaluate"),
            "json-without-evaluate" => await Replay(clip, "--json", Path.Combine(folder, "x.json")),
            "trace-without-evaluate" => await Replay(clip, "--trace", folder),
            "predictions-without-evaluate" => await Replay(clip, "--from-predictions", folder),
            "save-and-read-predictions" => await Replay(clip, "--evaluate", "--save-predictions", folder, "--from-predictions", folder),
            _ => await Replay(fixture.NewFolder("bad-empty-inner"), "--evaluate"),
        };
        Assert.Equal(ExitCodes.BadConfiguration, run.Code);
        Assert.Single(Lines(run.Error));
    }

    /// <summary>Frames of a 30 fps clip whose time falls inside a labelled set (start inclusive, end exclusive).</summary>
    private static long FramesInside(AnnotatedSet set) =>
        Enumerable.Range(0, 10_000).Select(i => TimeSpan.FromSeconds(i / 30.0)).Count(t => t >= set.Start && t < set.End);

    [GeneratedRegex(@"<svg\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();

    [GeneratedRegex(@"(src|href)\s*=\s*""(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();
}
