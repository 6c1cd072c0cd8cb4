using LiveWorkout.Learning.Native;
using TorchSharp;

namespace LiveWorkout.Learning.Tests.Native;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void A_tensor_operation_runs_on_the_selected_device()
    {
        var device = TorchRuntime.SelectDevice("auto");
        using var scope = torch.NewDisposeScope();
        var a = torch.arange(6, dtype: torch.float32, device: device).reshape(2, 3);
        var b = torch.ones(3, 2, device: device);
        var product = a.matmul(b).cpu();
        Assert.Equal(new[] { 3f, 3f, 12f, 12f }, product.data<float>().ToArray());
    }

    [Fact]
    public void Cpu_is_always_selectable_and_unknown_devices_are_refused_with_a_hint()
    {
        Assert.Equal(DeviceType.CPU, TorchRuntime.SelectDevice("cpu").type);
        var e = Assert.ThrowsAny<Core.LiveWorkoutException>(() => TorchRuntime.SelectDevice("tpu"));
        Assert.Contains("auto, cpu, cuda", e.Message, StringComparison.Ordinal);
    }

    [LinuxFact]
    public void Allocator_tuning_is_active_on_linux_before_any_tensor()
    {
        Assert.True(AllocatorTuning.IsActive, AllocatorTuning.Status);
    }

    [LinuxFact]
    public void Nnpack_is_switched_off_once_libtorch_is_loaded()
    {
        TorchRuntime.EnsureLoaded();
        Assert.False(NnpackSwitch.IsEnabled());
    }

    [Fact]
    public void Versions_are_reported()
    {
        Assert.Matches(@"^\d+\.\d+", TorchRuntime.TorchSharpVersion);
        Assert.Matches(@"^\d+\.\d+", TorchRuntime.LibTorchVersion);
    }

    [Fact]
    public void The_seed2_cnn_has_the_papers_parameter_count()
    {
        using var model = new KimCnn(numClasses: 4);
        long parameters = model.parameters().Sum(p => p.numel());
        Assert.Equal(1_291_972, parameters);
    }
}
