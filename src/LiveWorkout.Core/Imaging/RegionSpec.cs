namespace LiveWorkout.Core.Imaging;

/// <summary>
/// Where the person is, for models that see a region of the frame rather than all of it: a
/// square around recent motion (see <c>MotionRegionTracker</c>). A far-away person fills a few
/// pixels of a whole frame squeezed into the model's input; the region gives them most of it.
/// </summary>
/// <param name="Expand">Side of the square as a multiple of the moving area's larger side.</param>
/// <param name="MemorySeconds">Time constant over which motion fades from the history.</param>
/// <param name="SampleSeconds">Time between the frames the tracker compares.</param>
/// <param name="Smoothing">How far the region moves towards each new measurement (0..1].</param>
/// <param name="MinSide">Smallest side, as a fraction of the frame's shorter side.</param>
public sealed record RegionSpec(double Expand = 1.6, double MemorySeconds = 6, double SampleSeconds = 0.2, double Smoothing = 0.3, double MinSide = 0.35)
{
    public void Validate()
    {
        if (!(Expand >= 1 && Expand <= 10)) throw new InvalidInputException($"region expand {Expand} is out of range (1..10)");
        if (!(MemorySeconds > 0 && MemorySeconds <= 600)) throw new InvalidInputException($"region memory {MemorySeconds} s is out of range (0..600]");
        if (!(SampleSeconds > 0 && SampleSeconds <= 5)) throw new InvalidInputException($"region sample interval {SampleSeconds} s is out of range (0..5]");
        if (!(Smoothing > 0 && Smoothing <= 1)) throw new InvalidInputException($"region smoothing {Smoothing} is out of range (0..1]");
        if (!(MinSide > 0 && MinSide <= 1)) throw new InvalidInputException($"region minimum side {MinSide} is out of range (0..1]");
    }
}
