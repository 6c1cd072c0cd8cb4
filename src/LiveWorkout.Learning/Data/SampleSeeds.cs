namespace LiveWorkout.Learning.Data;

/// <summary>
/// Stable seeds derived from (run seed, epoch, position): the same run draws the same shuffles
/// and augmentations on any machine and with any number of workers. (HashCode is randomised per
/// process, so it cannot serve here.)
/// </summary>
public static class SampleSeeds
{
    public static int Derive(int seed, int epoch, int position)
    {
        ulong z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ ((ulong)(uint)epoch << 32 | (uint)position);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }
}
