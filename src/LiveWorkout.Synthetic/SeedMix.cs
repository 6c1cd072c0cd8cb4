namespace LiveWorkout.Synthetic;

/// <summary>
/// Derives child seeds (per class, group, cell) from a parent seed. SplitMix64 rather than
/// HashCode.Combine, whose output changes from process to process. The parent is mixed before
/// any part is added, and every part is mixed on its own: XOR-ing raw seeds and parts made
/// (seed 41, part s) equal (seed 200, part i) whenever the low bits lined up, so "unseen" seeds
/// gave the very sessions another seed had trained on.
/// </summary>
public static class SeedMix
{
    public static int Of(int seed, params ReadOnlySpan<int> parts)
    {
        ulong x = Mix((ulong)(uint)seed);
        foreach (int p in parts) x = Mix(x + Mix((ulong)(uint)p ^ 0xD1B54A32D192ED03UL));
        return (int)(Mix(x) & 0x7fffffff);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
