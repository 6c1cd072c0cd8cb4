using LiveWorkout.Commands;
using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;

namespace LiveWorkout.Tests.Commands;

public sealed class TrainOptionsTests
{
    [Fact]
    public void Mask_takes_several_regions_separated_by_semicolons()
    {
        var masks = TrainCommand.ParseMasks("0,0,0.5,0.25; 0,0.75,1,0.25");
        Assert.Equal([new MaskRegion(0, 0, 0.5, 0.25), new MaskRegion(0, 0.75, 1, 0.25)], masks!);
        Assert.Null(TrainCommand.ParseMasks(null));
    }

    [Fact]
    public void A_malformed_mask_is_a_usage_error()
    {
        var e = Assert.Throws<InvalidInputException>(() => TrainCommand.ParseMasks("0,0,0.5;0,0.75,1,0.25"));
        Assert.Contains("x,y,w,h", e.Message, StringComparison.Ordinal);
    }
}
