namespace LiveWorkout.Tests.Cli;

public sealed class DoctorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lw-doctor-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void An_unusable_model_path_fails_doctor_and_says_what_to_do()
    {
        var r = AppProcess.Run(["doctor", "--model", Path.Combine(_dir, "no-such-model"), "--set", $"Sessions:DatabasePath={Path.Combine(_dir, "s.db")}"], _dir);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("[FAIL] model", r.Output, StringComparison.Ordinal);
        Assert.Contains("folder not found", r.Output, StringComparison.Ordinal);
        Assert.Contains("-> ", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_model_package_passes_and_a_damaged_one_fails()
    {
        string model = Path.Combine(_dir, "model");
        using (var package = LiveWorkout.Learning.Packaging.ModelPackage.Create("kimcnn", LiveWorkout.Core.ExerciseCatalog.Ten,
                   new LiveWorkout.Core.Imaging.InputSpec(100, 100, LiveWorkout.Core.Imaging.ColorMode.Rgb, [0f, 0f, 0f], [1f, 1f, 1f])))
            package.Save(model);
        string db = $"Sessions:DatabasePath={Path.Combine(_dir, "s.db")}";
        var good = AppProcess.Run(["doctor", "--model", model, "--set", db], _dir);
        Assert.Contains("[ok  ] model", good.Output, StringComparison.Ordinal);
        Assert.Contains("kimcnn, 11 classes, input 3x100x100", good.Output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(model, "model.json"), "{ not json");
        var bad = AppProcess.Run(["doctor", "--model", model, "--set", db], _dir);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("[FAIL] model", bad.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Doctor_reports_runtime_device_and_opencv()
    {
        var r = AppProcess.Run(["doctor", "--set", $"Sessions:DatabasePath={Path.Combine(_dir, "s.db")}"], _dir);
        Assert.Contains("[ok  ] torch", r.Output, StringComparison.Ordinal);
        Assert.Contains("[ok  ] device", r.Output, StringComparison.Ordinal);
        Assert.Matches(@"\[ok  \] opencv +4\.\d+.*FFmpeg yes", r.Output);
        Assert.Contains("session log", r.Output, StringComparison.Ordinal);
        if (OperatingSystem.IsLinux()) Assert.Contains("[ok  ] allocator", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_session_log_fails_doctor()
    {
        string blocker = Path.Combine(_dir, "file-not-folder");
        File.WriteAllText(blocker, "x");
        var r = AppProcess.Run(["doctor", "--set", $"Sessions:DatabasePath={Path.Combine(blocker, "s.db")}"], _dir);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("[FAIL] session log", r.Output, StringComparison.Ordinal);
    }
}
