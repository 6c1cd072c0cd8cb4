using LiveWorkout.Vision.Capture;
using OpenCvSharp;

namespace LiveWorkout.Vision.Tests.Capture;

public sealed class LatestFrameSlotTests
{
    [Fact]
    public void The_newest_frame_wins_and_replaced_ones_are_counted()
    {
        using var slot = new LatestFrameSlot();
        var reading = new Mat();
        for (int i = 0; i < 3; i++)
        {
            reading.Create(2, 2, MatType.CV_8UC1);
            reading.SetTo(new Scalar(i));
            slot.Put(ref reading, i, TimeSpan.FromSeconds(i));
        }
        var taken = new Mat();
        Assert.True(slot.Take(ref taken, out long index, out var time, out _, CancellationToken.None));
        Assert.Equal(2, index);
        Assert.Equal(2.0, time.TotalSeconds);
        Assert.Equal(2, taken.Get<byte>(0, 0));
        Assert.Equal(2, slot.Dropped);
        slot.End();
        Assert.False(slot.Take(ref taken, out _, out _, out _, CancellationToken.None));
        reading.Dispose();
        taken.Dispose();
    }

    [Fact]
    public void A_frame_put_before_the_end_is_still_taken()
    {
        using var slot = new LatestFrameSlot();
        var reading = new Mat(1, 1, MatType.CV_8UC1, new Scalar(7));
        slot.Put(ref reading, 5, TimeSpan.Zero);
        slot.End();
        var taken = new Mat();
        Assert.True(slot.Take(ref taken, out long index, out _, out _, CancellationToken.None));
        Assert.Equal(5, index);
        Assert.False(slot.Take(ref taken, out _, out _, out _, CancellationToken.None));
        reading.Dispose();
        taken.Dispose();
    }

    [Fact]
    public async Task A_waiting_reader_is_released_by_the_next_frame()
    {
        using var slot = new LatestFrameSlot();
        var taken = new Mat();
        var take = Task.Run(() => slot.Take(ref taken, out long index, out _, out _, CancellationToken.None) ? index : -1);
        await Task.Delay(50);
        Assert.False(take.IsCompleted);
        var reading = new Mat(1, 1, MatType.CV_8UC1, Scalar.All(0));
        slot.Put(ref reading, 9, TimeSpan.Zero);
        Assert.Equal(9, await take.WaitAsync(TimeSpan.FromSeconds(5)));
        reading.Dispose();
        taken.Dispose();
    }
}
