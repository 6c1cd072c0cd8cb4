using LiveWorkout.Learning.Native;
using LiveWorkout.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace LiveWorkout.Tests.Pipeline;

/// <summary>
/// A long replay through the whole pipeline must not leak: live tensors, native heap and managed
/// heap are sampled after warm-up and must stay flat. A plateau is fine, a slope is a leak.
/// </summary>
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryTestsCollection;

/// <remarks>Alone in its collection, run after the parallel tests: other tests in the same process would move the heaps.</remarks>
[Collection(nameof(MemoryTests))]
public sealed class MemoryTests(PipelineFixture fixture, ITestOutputHelper output) : IClassFixture<PipelineFixture>
{
    private const int Frames = 3600;             // 6 minutes at 10 fps, 160x120
    private static readonly double[] SampleAt = [0.15, 0.35, 0.55, 0.75, 0.95];

    /// <summary>
    /// The lowest native heap reading over a short window: libtorch's per-batch working memory
    /// (tens of MB) comes and goes, the floor between batches is what would creep up with a leak.
    /// </summary>
    private static async Task<long> NativeFloor()
    {
        long floor = long.MaxValue;
        for (int i = 0; i < 40; i++)
        {
            floor = Math.Min(floor, ProcessMemory.NativeHeapInUse());
            await Task.Delay(3);
        }
        return floor;
    }

    [Fact]
    public async Task A_long_replay_keeps_tensors_native_heap_and_managed_heap_flat()
    {
        string clip = fixture.WriteClip("long.mp4", seconds: Frames / 10.0, fps: 10);
        var run = new RecognitionRun(new RecognitionSettings
        {
            Source = clip,
            ModelPath = fixture.ModelPath,
            Device = "cpu",
        }, NullLogger.Instance);

        var samples = new List<(long Frames, long Tensors, long GlobalTensors, long Native, long Managed)>();
        var task = run.RunAsync(CancellationToken.None);
        foreach (double at in SampleAt)
        {
            while (run.FramesClassified < at * Frames && !task.IsCompleted) await Task.Delay(20);
            Assert.False(task.IsCompleted, $"the run ended before {at:P0} of the clip");
            // Native heap first: a full GC would run the finalizers of undisposed Mats and hide them.
            // OpenCvSharp has no global Mat counter; Mats live in the C heap, so its in-use bytes
            // (mallinfo2: uordblks + hblkhd) are what catches a Mat leak.
            long native = await NativeFloor();
            var afterGc = ProcessMemory.Take(fullCollection: true);
            samples.Add((run.FramesClassified, run.LiveTensors, afterGc.LiveTensors, native, afterGc.ManagedHeapBytes));
        }
        var result = await task;
        Assert.Equal(Frames, result.FramesClassified);
        // Nothing kept per frame by default (only replay --evaluate asks for the predictions): each
        // kept one is a few hundred bytes, too little for the heap bounds below to see in this clip,
        // yet a 20-minute replay crept by 9 MB (bench pipeline's GC committed series) until it was off.
        Assert.Empty(result.Predictions);

        string series = string.Join("; ", samples.Select(s => $"{s.Frames} frames: {s.Tensors} tensors ({s.GlobalTensors} process-wide), native {s.Native / 1048576.0:0.0} MB, managed {s.Managed / 1048576.0:0.0} MB"));
        output.WriteLine(series);
        var second = samples[1];
        var last = samples[^1];
        // The inference thread's count is exact (DisposeScopeManager.Statistics): not one tensor more.
        Assert.True(last.Tensors == second.Tensors, series);
        Assert.True(last.GlobalTensors <= second.GlobalTensors + 8, series);
        if (last.Native >= 0)
        {
            // 2000+ frames lie between the two samples: a leaked 160x120 Mat per frame would add over 100 MB.
            Assert.True(last.Native - second.Native < 16L * 1048576, series);
        }
        Assert.True(last.Managed - second.Managed < 4L * 1048576, series);
    }
}
