namespace LiveWorkout.Tests.Cli;

/// <summary>
/// libtorch 2.10 logs "Could not initialize NNPACK!" on unsupported CPUs each time a convolution
/// asks whether NNPACK is available, which it does whenever oneDNN declines the convolution: a
/// one-image forward over small feature maps (the MAC probe before training, bench models, a last
/// batch of one). NnpackSwitch must be on before the first such forward. The log goes to the
/// native stderr, which only a child process shows, so these run the real app. Without the switch
/// on this CPU: 11 lines from bench models, 16 from the training run. On a CPU that NNPACK
/// supports they pass either way.
/// </summary>
public sealed class NnpackWarningTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lw-nnpack-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Bench_models_runs_its_one_image_forwards_without_nnpack_warnings()
    {
        var r = AppProcess.Run(["bench", "models", "--arch", "ours", "--seconds", "0.2"], _dir);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.DoesNotContain("NNPACK", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_on_small_images_prints_no_nnpack_warnings()
    {
        string data = Path.Combine(_dir, "data");
        var synth = AppProcess.Run(["synth", "images", "--out", data, "--per-class", "10", "--size", "64x48", "--splits", "0.5,0.5,0", "--format", "jpg"], _dir);
        Assert.True(synth.ExitCode == 0, synth.Error);

        // 48x48 input: deep feature maps are small enough that oneDNN declines one-image forwards.
        var r = AppProcess.Run(["train", "--data", data, "--out", Path.Combine(_dir, "run"), "--epochs", "1", "--batch", "8",
            "--size", "48x48", "--workers", "1", "--seed", "1"], _dir);
        Assert.True(r.ExitCode == 0, r.Error + r.Output);
        Assert.DoesNotContain("NNPACK", r.Error, StringComparison.Ordinal);
    }
}
