using System.CommandLine;
using System.Diagnostics;
using LiveWorkout.Cli;
using LiveWorkout.Core;
using LiveWorkout.Learning.Landmarks;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Pipeline;
using LiveWorkout.Pipeline.Evaluation;
using LiveWorkout.Vision.Pose;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveWorkout.Commands;

/// <summary>
/// `liveworkout landmarks`: the pose stage's landmarks of labelled clips (your own recordings, say),
/// kept with their labels as <c>.pose</c> files for <c>train-landmarks --pose-data</c>.
/// </summary>
public static class LandmarksCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A labelled clip, or a folder searched for them (as replay --evaluate finds them)" };
        var output = new Option<string>("--out") { Description = "Folder for the <clip>.pose files", Required = true };
        var wholeClip = new Option<bool>("--whole-clip-labels") { Description = "Clips without a labels file are one set of their folder's class spanning the whole clip (reps unknown)" };
        var command = new Command("landmarks", "Run the pose stage over labelled clips and keep each clip's landmarks and labels for train-landmarks --pose-data");
        command.Arguments.Add(input);
        foreach (Option o in new Option[] { output, wholeClip, SharedOptions.Model }) command.Options.Add(o);
        command.SetHandler((parse, ct) =>
        {
            var context = LiveWorkoutCli.Context(parse, ct);
            return CommandRunner.RunAsync(context, (services, token) =>
            {
                string modelPath = services.GetRequiredService<IOptions<ModelOptions>>().Value.Path;
                using var package = ModelPackage.Load(modelPath);
                var spec = package.Manifest.Pose ?? throw new InvalidInputException($"'{modelPath}' is a pixel model: pass a landmark model (--model models/landmarks) to name the pose stage");
                string folder = package.Folder ?? ".";
                var search = LabelledClipFinder.Find(parse.GetValue(input)!, parse.GetValue(wholeClip), ExerciseCatalog.All);
                foreach (var skipped in search.Skipped) context.Error.WriteLine($"warning: skipped {skipped.Clip}: {skipped.Reason}");
                if (search.Clips.Count == 0)
                    throw new InvalidInputException($"no labelled clips in {parse.GetValue(input)}: each video needs <clip>.labels.csv beside it, or pass --whole-clip-labels for one folder per class");
                string outFolder = parse.GetValue(output)!;
                return Task.Factory.StartNew(() =>
                {
                    Write(search.Clips, outFolder, PoseSpec.Resolve(folder, spec.LandmarkModel), spec.Detector is null ? null : PoseSpec.Resolve(folder, spec.Detector),
                        context.Output, token);
                    return ExitCodes.Ok;
                }, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            });
        });
        return command;
    }

    /// <summary>The file a clip's landmarks go to: its path under the searched folder, flattened.</summary>
    private static string PathFor(string folder, LabelledClip clip) =>
        Path.Combine(folder, Path.ChangeExtension(clip.Name.Replace('/', '_').Replace('\\', '_'), PoseClipFile.Extension));

    private static void Write(IReadOnlyList<LabelledClip> clips, string folder, string landmarkModel, string? detector, TextWriter output, CancellationToken cancellation)
    {
        Directory.CreateDirectory(folder);
        using var estimator = new PoseEstimator(PoseLandmarkModel.Load(landmarkModel), detector is null ? null : PoseDetector.Load(detector));
        var watch = Stopwatch.StartNew();
        int n = 0;
        foreach (var clip in clips)
        {
            var labels = clip.LoadLabels();
            var pose = ClipLandmarks.Make(clip.VideoPath, clip.Name, duration => labels ?? clip.WholeClip(duration), estimator, SyntheticLandmarkOptions.DefaultStepSeconds, cancellation);
            PoseClipFile.Write(PathFor(folder, clip), pose);
            output.WriteLine($"  {++n}/{clips.Count} {clip.Name}: {pose.Count} frames, person found in {pose.FoundShare:P0}");
        }
        output.WriteLine($"wrote {n} clips to {folder} in {watch.Elapsed.TotalSeconds:0} s; train on them with train-landmarks --pose-data {folder}");
    }
}
