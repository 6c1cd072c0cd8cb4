using System.CommandLine;
using System.Runtime.InteropServices;
using LiveWorkout.Cli;
using LiveWorkout.Core;
using LiveWorkout.Learning.Native;
using LiveWorkout.Learning.Landmarks;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Pipeline;
using LiveWorkout.Vision.Capture;
using LiveWorkout.Vision.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace LiveWorkout.Commands;

/// <summary>
/// `liveworkout doctor`: what this machine gives the product (runtime, device, OpenCV,
/// cameras, allocator) and whether the configured paths are usable. Exits 1 when anything
/// the product needs is broken.
/// </summary>
public static class DoctorCommand
{

    public static Command Create()
    {
        var command = new Command("doctor", "Check the runtime, device, OpenCV, cameras and configured paths");
        command.Options.Add(SharedOptions.Model);
        command.Options.Add(SharedOptions.Device);
        command.SetHandler((parse, ct) =>
        {
            var context = LiveWorkoutCli.Context(parse, ct);
            return CommandRunner.RunAsync(context, (services, _) =>
            {
                var checks = Run(services);
                Print(checks, context.Output);
                return Task.FromResult(checks.Any(c => c.Status == CheckStatus.Fail) ? ExitCodes.Failed : ExitCodes.Ok);
            });
        });
        return command;
    }

    public static IReadOnlyList<DoctorCheck> Run(IServiceProvider services)
    {
        var model = services.GetRequiredService<IOptions<ModelOptions>>().Value;
        var sessions = services.GetRequiredService<IOptions<SessionLogOptions>>().Value;
        var recordings = services.GetRequiredService<IOptions<RecordingOptions>>().Value;

        var checks = new List<DoctorCheck>
        {
            new("os", CheckStatus.Ok, $"{RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), {Environment.ProcessorCount} cores"),
            new(".net", CheckStatus.Ok, RuntimeInformation.FrameworkDescription),
        };
        checks.AddRange(TorchChecks(model.Device));
        checks.Add(AllocatorTuning.IsActive || !OperatingSystem.IsLinux()
            ? new("allocator", CheckStatus.Ok, AllocatorTuning.Status)
            : new("allocator", CheckStatus.Warn, AllocatorTuning.Status, "training at large batches runs several times slower; unset LIVEWORKOUT_MALLOC_TUNING"));
        checks.AddRange(OpenCvChecks());
        checks.Add(ModelCheck(model.Path));
        checks.Add(FolderCheck("recordings", recordings.Folder, needed: false));
        checks.Add(SessionLogCheck(sessions.ResolveDatabasePath()));
        return checks;
    }

    public static void Print(IEnumerable<DoctorCheck> checks, TextWriter output)
    {
        foreach (var c in checks)
        {
            string mark = c.Status switch { CheckStatus.Ok => "ok  ", CheckStatus.Warn => "warn", _ => "FAIL" };
            output.WriteLine($"[{mark}] {c.Name,-12} {c.Detail}");
            if (c.Fix is not null && c.Status != CheckStatus.Ok) output.WriteLine($"       {"",-12} -> {c.Fix}");
        }
    }

    private static IEnumerable<DoctorCheck> TorchChecks(string devicePreference)
    {
        try
        {
            TorchRuntime.EnsureLoaded();
        }
        catch (Exception e)
        {
            return [new("torch", CheckStatus.Fail, TorchRuntime.Innermost(e).Message.Split('\n')[0], "rebuild with 'dotnet build' (it patches libLibTorchSharp.so for this host); see README 'Native libraries'")];
        }
        var list = new List<DoctorCheck> { new("torch", CheckStatus.Ok, $"TorchSharp {TorchRuntime.TorchSharpVersion}, libtorch {TorchRuntime.LibTorchVersion}") };
        try
        {
            var device = TorchRuntime.SelectDevice(devicePreference);
            list.Add(new("device", CheckStatus.Ok, $"{TorchRuntime.DescribeDevice(device)} (Model:Device={devicePreference})"));
        }
        catch (Exception e)
        {
            list.Add(new("device", CheckStatus.Fail, e.Message, "set Model:Device to auto or cpu"));
        }
        return list;
    }

    private static IEnumerable<DoctorCheck> OpenCvChecks()
    {
        OpenCvCapabilities caps;
        try
        {
            caps = OpenCvRuntime.Capabilities();
        }
        catch (Exception e)
        {
            return [new("opencv", CheckStatus.Fail, e.Message)];
        }
        var list = new List<DoctorCheck>
        {
            new("opencv", caps.FFmpeg ? CheckStatus.Ok : CheckStatus.Fail,
                $"{caps.Version}: FFmpeg {YesNo(caps.FFmpeg)}, V4L2 {YesNo(caps.V4L2)}, GUI {(caps.Gui ? caps.GuiBackend : "no")}, DNN {YesNo(caps.Dnn)}",
                caps.FFmpeg ? null : "this OpenCV build cannot read video files; use the OpenCvSharp4.official.runtime package"),
        };
        list.Add(CameraCheck(caps));
        list.Add(FfmpegFrameReader.Locate() is { } ffmpeg
            ? new("ffmpeg", CheckStatus.Ok, $"{ffmpeg}: reads the videos OpenCV's FFmpeg cannot decode (AV1)")
            : new("ffmpeg", CheckStatus.Warn, "not installed", "AV1 videos (phones, video sites) cannot be read; sudo apt-get install ffmpeg (scripts/setup.sh does)"));
        return list;
    }

    private static DoctorCheck CameraCheck(OpenCvCapabilities caps)
    {
        var devices = OpenCvRuntime.CameraDevices();
        if (devices.Count == 0)
            return new("cameras", CheckStatus.Warn, "none found", "live needs a webcam (or pass an http/rtsp URL); replay works without one");
        var opened = new List<string>();
        foreach (string device in devices)
        {
            using var capture = new VideoCapture();
            if (capture.Open(device, caps.V4L2 ? VideoCaptureAPIs.V4L2 : VideoCaptureAPIs.ANY) && capture.IsOpened())
                opened.Add($"{device} {capture.FrameWidth}x{capture.FrameHeight}");
        }
        return opened.Count > 0
            ? new("cameras", CheckStatus.Ok, string.Join(", ", opened))
            : new("cameras", CheckStatus.Warn, $"{string.Join(", ", devices)} exist but none opened", "close other programs using the camera, or check permissions (group 'video')");
    }

    private static DoctorCheck ModelCheck(string path)
    {
        if (!Directory.Exists(path))
            return new("model", CheckStatus.Fail, $"{path}: folder not found", "pass --model <folder> or set Model:Path; the repository ships models/landmarks and models/pixels");
        try
        {
            using var package = ModelPackage.Load(path);
            if (package.IsLandmarks) return LandmarkModelCheck(path, package);
            var input = package.Input;
            return new("model", CheckStatus.Ok,
                $"{path}: {package.Architecture}, {package.Classes.Count} classes, input {input.Channels}x{input.Height}x{input.Width} {input.Color}" +
                (input.Region is null ? ", whole frames" : ", cropped to the person region") + (package.Manifest.TemporalHead switch { null => "", { Motion: null } => ", temporal head", { Motion: var m } => $", temporal head seeing motion ({m.Grid}x{m.Grid} cells)" }) + (package.Manifest.PhaseHead is null ? "" : ", rep-phase head"));
        }
        catch (LiveWorkoutException e)
        {
            return new("model", CheckStatus.Fail, $"{path}: {e.Message}", "point Model:Path at a model package written by 'liveworkout train'");
        }
    }

    /// <summary>A landmark package: its heads, and its pose stage loaded and run once on a blank frame.</summary>
    private static DoctorCheck LandmarkModelCheck(string path, ModelPackage package)
    {
        var pose = package.Manifest.Pose!;
        using (var estimator = PoseStage.Open(package))
        using (var blank = new Mat(240, 320, MatType.CV_8UC3, Scalar.All(0)))
            estimator.Estimate(blank, 0, new float[Core.Pose.PoseFrame.Length]);
        string detector = pose.Detector is null ? "no person detector (the landmark model searches the whole frame)" : $"detector {Path.GetFileName(pose.Detector)}";
        return new("model", CheckStatus.Ok,
            $"{path}: landmark model, {package.Classes.Count} classes, pose stage {Path.GetFileName(pose.LandmarkModel)} with {detector}, " +
            $"{pose.Features} landmark features a frame, temporal head" + (package.Manifest.PhaseHead is null ? "" : ", rep-phase head") +
            (package.More is null ? "" : $"; {package.Classes.Count - package.Manifest.Classes.Count} more exercises from {package.Manifest.MoreExercises!.Package}, named where its own head says idle"));
    }

    private static DoctorCheck FolderCheck(string name, string path, bool needed)
    {
        if (Directory.Exists(path))
            return new(name, CheckStatus.Ok, $"{path} ({Directory.GetFiles(path).Length} files)");
        return new(name, needed ? CheckStatus.Fail : CheckStatus.Warn, $"{path}: folder not found", $"create it or set the {name} folder in appsettings.json");
    }

    private static DoctorCheck SessionLogCheck(string databasePath)
    {
        try
        {
            string dir = Path.GetDirectoryName(databasePath)!;
            Directory.CreateDirectory(dir);
            string probe = Path.Combine(dir, $".doctor-{Environment.ProcessId}.tmp");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return new("session log", CheckStatus.Ok, $"{databasePath} ({(File.Exists(databasePath) ? "exists" : "will be created")})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new("session log", CheckStatus.Fail, $"{databasePath}: not writable ({e.Message})", "set Sessions:DatabasePath to a writable file");
        }
    }

    private static string YesNo(bool b) => b ? "yes" : "no";
}
