using System.CommandLine;
using System.Globalization;
using LiveWorkout.Cli;
using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Learning.Landmarks;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Pipeline;
using LiveWorkout.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace LiveWorkout.Commands;

/// <summary>`liveworkout synth images|frames|clips|sheet|pose`: render the synthetic exercise world.</summary>
public static class SynthCommand
{
    public static Command Create()
    {
        var synth = new Command("synth", "Render the synthetic exercise world: images, clips, contact sheet");
        synth.Subcommands.Add(Images());
        synth.Subcommands.Add(Frames());
        synth.Subcommands.Add(Clips());
        synth.Subcommands.Add(Sheet());
        synth.Subcommands.Add(Pose());
        return synth;
    }

    private static Option<double> OcclusionOption() => new("--occlusion")
    {
        Description = "Share of sessions with an object between the camera and the person (0-1)",
        DefaultValueFactory = _ => SceneOptions.SessionOcclusionChance,
    };

    /// <summary>Which exercises sessions draw their sets from: the first ten (what the shipped models know), all, or a list.</summary>
    internal static Option<string> ExercisesOption() => new("--exercises")
    {
        Description = "Exercises the sets are drawn from: ten (the shipped models' classes), all (every exercise of the catalogue) or a comma-separated list",
        DefaultValueFactory = _ => "ten",
    };

    private static Option<int> SeedOption() => new("--seed") { Description = "Random seed: the same seed and options give the same files", DefaultValueFactory = _ => 1 };

    private static Command Images()
    {
        var output = new Option<string>("--out") { Description = "Dataset folder to write", Required = true };
        var perClass = new Option<int>("--per-class") { Description = "Images per class", DefaultValueFactory = _ => 200 };
        var seed = SeedOption();
        var size = new Option<string>("--size") { Description = "Image size WxH", DefaultValueFactory = _ => "160x120" };
        var splits = new Option<string>("--splits") { Description = "train,validation,test fractions, or 'none' for one folder per class", DefaultValueFactory = _ => "0.7,0.15,0.15" };
        var format = new Option<string>("--format") { Description = "png or jpg", DefaultValueFactory = _ => "png" };
        var perGroup = new Option<int>("--per-group") { Description = "Images per person and scene (moments of one performance); 1 gives every image its own person, scene and camera", DefaultValueFactory = _ => 5 };
        var command = new Command("images", "Write a folder-per-class image dataset (train/validation/test, grouped by person and scene) with manifest.csv");
        foreach (var o in new Option[] { output, perClass, seed, size, splits, format.AcceptOnlyFromAmong("png", "jpg"), perGroup }) command.Options.Add(o);
        command.SetHandler((parse, ct) => CommandRunner.RunAsync(LiveWorkoutCli.Context(parse, ct), (_, token) =>
        {
            var (w, h) = ParseSize(parse.GetValue(size)!);
            if (parse.GetValue(perGroup) < 1) throw new InvalidInputException("--per-group must be at least 1");
            var options = new ImageDatasetOptions(parse.GetValue(perClass), parse.GetValue(seed), w, h, ParseSplits(parse.GetValue(splits)!), parse.GetValue(format)!, parse.GetValue(perGroup));
            string root = parse.GetValue(output)!;
            var writer = parse.InvocationConfiguration.Output;
            var rows = SyntheticImageDataset.Write(root, options, new Progress<string>(writer.WriteLine), token);
            writer.WriteLine($"wrote {rows.Count} images in {rows.Select(r => r.Group).Distinct().Count()} groups to {root} (manifest.csv)");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command Frames()
    {
        var output = new Option<string>("--out") { Description = "Dataset folder to write", Required = true };
        var sessions = new Option<int>("--sessions") { Description = "Synthetic sessions to sample", DefaultValueFactory = _ => 100 };
        var seed = SeedOption();
        var size = new Option<string>("--size") { Description = "Image size WxH", DefaultValueFactory = _ => "160x120" };
        var duration = new Option<double>("--duration-s") { Description = "Seconds per session", DefaultValueFactory = _ => 60 };
        var every = new Option<double>("--every-s") { Description = "Seconds between sampled frames", DefaultValueFactory = _ => 0.5 };
        var splits = new Option<string>("--splits") { Description = "train,validation,test fractions over sessions, or 'none'", DefaultValueFactory = _ => "0.7,0.15,0.15" };
        var format = new Option<string>("--format") { Description = "png or jpg", DefaultValueFactory = _ => "jpg" };
        var region = new Option<bool>("--region") { Description = "Save the person region the pipeline's motion tracker finds instead of the whole frame (trains a model that crops to the person)" };
        var occlusion = OcclusionOption();
        var command = new Command("frames", "Write a folder-per-class dataset of frames sampled from whole synthetic sessions (labelled by their timeline, grouped by session)");
        foreach (var o in new Option[] { output, sessions, seed, size, duration, every, splits, format.AcceptOnlyFromAmong("png", "jpg"), region, occlusion }) command.Options.Add(o);
        command.SetHandler((parse, ct) => CommandRunner.RunAsync(LiveWorkoutCli.Context(parse, ct), (_, token) =>
        {
            var (w, h) = ParseSize(parse.GetValue(size)!);
            double seconds = parse.GetValue(duration);
            if (seconds is < 10 or > 3600) throw new InvalidInputException("--duration-s must be between 10 and 3600 seconds");
            var options = new SessionFramesOptions(parse.GetValue(sessions), parse.GetValue(seed), w, h, seconds, parse.GetValue(every),
                ParseSplits(parse.GetValue(splits)!), parse.GetValue(format)!, Region: parse.GetValue(region) ? new RegionSpec() : null, OcclusionChance: parse.GetValue(occlusion));
            string root = parse.GetValue(output)!;
            var writer = parse.InvocationConfiguration.Output;
            var rows = SessionFrameDataset.Write(root, options, new Progress<string>(writer.WriteLine), token);
            writer.WriteLine($"wrote {rows.Count} frames of {options.Sessions} sessions to {root} (manifest.csv): " +
                string.Join(", ", rows.GroupBy(r => r.Class).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command Clips()
    {
        var output = new Option<string>("--out") { Description = "Folder for the clips", Required = true };
        var count = new Option<int>("--count") { Description = "Number of clips", DefaultValueFactory = _ => 1 };
        var seed = SeedOption();
        var size = new Option<string>("--size") { Description = "Frame size WxH", DefaultValueFactory = _ => "640x480" };
        var duration = new Option<double>("--duration-s") { Description = "Seconds per clip", DefaultValueFactory = _ => 60 };
        var joints = new Option<bool>("--joints") { Description = "Also write <clip>.joints2d.csv and <clip>.joints3d.csv" };
        var clean = new Option<bool>("--clean") { Description = "Leave out camera noise, blur and JPEG artefacts (files several times smaller)" };
        var exact = new Option<bool>("--exact-landmarks")
        {
            Description = $"Also write each frame's synthetic landmarks (the exact joints as the pose model would place them) to {SyntheticClipWriter.ExactLandmarksFolder}/, " +
                $"to score a landmark model without the pose stage: replay OUT --evaluate --from-predictions OUT/{SyntheticClipWriter.ExactLandmarksFolder} --reclassify --model M",
        };
        var occlusion = OcclusionOption();
        var view = new Option<string>("--view") { Description = "Camera view of every clip: any (a third each), front, three-quarter or side", DefaultValueFactory = _ => "any" };
        var exercises = ExercisesOption();
        var command = new Command("clips", "Write mp4 clips of whole synthetic sessions (30 fps) with <clip>.labels.csv");
        foreach (var o in new Option[] { output, count, seed, size, duration, joints, clean, exact, occlusion, view.AcceptOnlyFromAmong("any", "front", "three-quarter", "side"), exercises }) command.Options.Add(o);
        command.SetHandler((parse, ct) => CommandRunner.RunAsync(LiveWorkoutCli.Context(parse, ct), (_, token) =>
        {
            var (w, h) = ParseSize(parse.GetValue(size)!);
            double seconds = parse.GetValue(duration);
            if (seconds is < 2 or > 3600) throw new InvalidInputException("--duration-s must be between 2 and 3600 seconds");
            int n = parse.GetValue(count);
            if (n < 1) throw new InvalidInputException("--count must be at least 1");
            string folder = parse.GetValue(output)!;
            var options = new ClipOptions(w, h, seconds, 30, parse.GetValue(joints), CameraEffects: !parse.GetValue(clean), OcclusionChance: parse.GetValue(occlusion),
                View: Enum.Parse<CameraView>(parse.GetValue(view)!.Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
                Exercises: ExerciseCatalog.Vocabulary(parse.GetValue(exercises)!), ExactLandmarks: parse.GetValue(exact));
            for (int i = 0; i < n; i++)
            {
                int clipSeed = SeedMix.Of(parse.GetValue(seed), i);
                var clip = SyntheticClipWriter.Write(Path.Combine(folder, $"synth-{i:D3}.mp4"), clipSeed, options, token);
                parse.InvocationConfiguration.Output.WriteLine(
                    $"{clip.VideoPath}: {clip.Frames} frames, sets: {string.Join(", ", clip.Labels.Sets.Select(s => $"{s.Exercise} x{s.Reps}"))}");
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command Pose()
    {
        var output = new Option<string>("--out") { Description = "Folder for the <seed>.pose files (those already there are kept)", Required = true };
        var sessions = new Option<int>("--sessions") { Description = "Synthetic sessions to render", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Seed of the first session; session k uses seed + k (keep clear of train-landmarks --data-seed, whose 6400 sessions take 5000-11399)", DefaultValueFactory = _ => 20000 };
        var duration = new Option<double>("--duration-s") { Description = "Seconds of each session", DefaultValueFactory = _ => 75 };
        var workers = new Option<int>("--workers") { Description = "Sessions rendered at once, each with its own pose stage (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("pose", "Render synthetic sessions and keep the pose stage's landmarks of each, with labels and rep phases, for train-landmarks --pose-data");
        foreach (Option o in new Option[] { output, sessions, seed, duration, workers, SharedOptions.Model }) command.Options.Add(o);
        command.SetHandler((parse, ct) =>
        {
            var context = LiveWorkoutCli.Context(parse, ct);
            return CommandRunner.RunAsync(context, (services, token) =>
            {
                int n = parse.GetValue(sessions), k = parse.GetValue(workers);
                double seconds = parse.GetValue(duration);
                if (n is < 1 or > 100_000) throw new InvalidInputException("--sessions must be between 1 and 100000");
                if (seconds is < 10 or > 3600) throw new InvalidInputException("--duration-s must be between 10 and 3600");
                if (k is < 1 or > 256) throw new InvalidInputException("--workers must be between 1 and 256");
                string modelPath = services.GetRequiredService<IOptions<ModelOptions>>().Value.Path;
                using var package = ModelPackage.Load(modelPath);
                var spec = package.Manifest.Pose ?? throw new InvalidInputException($"'{modelPath}' is a pixel model: pass a landmark model (--model models/landmarks) to name the pose stage");
                string folder = package.Folder ?? ".";
                var data = new SyntheticLandmarkOptions(n, parse.GetValue(seed), seconds);
                return Task.Factory.StartNew(() =>
                {
                    new PoseDataRun(context.Output).Run(parse.GetValue(output)!, data, PoseSpec.Resolve(folder, spec.LandmarkModel),
                        spec.Detector is null ? null : PoseSpec.Resolve(folder, spec.Detector), k, token);
                    return ExitCodes.Ok;
                }, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            });
        });
        return command;
    }

    private static Command Sheet()
    {
        var output = new Option<string>("--out") { Description = "PNG file to write", Required = true };
        var seed = SeedOption();
        var columns = new Option<int>("--columns") { Description = "People and cameras per row", DefaultValueFactory = _ => 6 };
        var clean = new Option<bool>("--clean") { Description = "Leave out camera noise, blur and JPEG artefacts (a much smaller PNG)" };
        var command = new Command("sheet", "Write a contact sheet PNG: a row per class, several people and cameras per row");
        foreach (var o in new Option[] { output, seed, columns, clean }) command.Options.Add(o);
        command.SetHandler((parse, ct) => CommandRunner.RunAsync(LiveWorkoutCli.Context(parse, ct), (_, _) =>
        {
            string file = parse.GetValue(output)!;
            if (parse.GetValue(columns) is < 1 or > 20) throw new InvalidInputException("--columns must be between 1 and 20");
            if (!file.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) throw new InvalidInputException($"--out {file}: the contact sheet is a .png file");
            string? dir = Path.GetDirectoryName(Path.GetFullPath(file));
            if (dir is not null) Directory.CreateDirectory(dir);
            using var sheet = ContactSheet.Render(parse.GetValue(seed), parse.GetValue(columns), cameraEffects: !parse.GetValue(clean));
            Cv2.ImWrite(file, sheet, new ImageEncodingParam(ImwriteFlags.PngCompression, 9));
            parse.InvocationConfiguration.Output.WriteLine($"wrote {file} ({sheet.Width}x{sheet.Height}, {new FileInfo(file).Length / 1024} KiB)");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    internal static (int Width, int Height) ParseSize(string text)
    {
        var parts = text.ToLowerInvariant().Split('x');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int w) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int h) && w is >= 32 and <= 4096 && h is >= 32 and <= 4096)
            return (w, h);
        throw new InvalidInputException($"--size '{text}' is not WIDTHxHEIGHT between 32 and 4096 (example: 160x120)");
    }

    internal static IReadOnlyList<double>? ParseSplits(string text)
    {
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        var parts = text.Split(',');
        var values = new List<double>();
        foreach (var p in parts)
            if (double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= 0 && v <= 1) values.Add(v);
            else break;
        if (values.Count != 3 || Math.Abs(values.Sum() - 1) > 1e-6 || values[0] <= 0)
            throw new InvalidInputException($"--splits '{text}' must be three fractions train,validation,test summing to 1 (example: 0.7,0.15,0.15), or 'none'");
        return values;
    }
}
