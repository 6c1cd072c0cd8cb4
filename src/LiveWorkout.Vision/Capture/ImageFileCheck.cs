namespace LiveWorkout.Vision.Capture;

/// <summary>
/// Tells a whole image file from a truncated one by its last bytes: decoders read a cut JPEG
/// or PNG without failing and fill the missing part with grey, which a classifier would take
/// for a frame like any other.
/// </summary>
public static class ImageFileCheck
{
    private const int Tail = 64;

    /// <summary>False for a JPEG without its end-of-image marker or a PNG without its IEND chunk; true for other formats.</summary>
    public static bool IsComplete(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length < 8) return false;
            var head = new byte[8];
            stream.ReadExactly(head);
            int tailLength = (int)Math.Min(Tail, stream.Length);
            var tail = new byte[tailLength];
            stream.Seek(-tailLength, SeekOrigin.End);
            stream.ReadExactly(tail);
            if (head[0] == 0xFF && head[1] == 0xD8) return EndsWithJpegEnd(tail);
            if (head.AsSpan().SequenceEqual(PngSignature)) return tail.AsSpan().IndexOf("IEND"u8) >= 0;
            return true;
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The EOI marker (FF D9), allowing the padding some cameras append after it.</summary>
    private static bool EndsWithJpegEnd(byte[] tail)
    {
        int end = tail.Length;
        while (end > 0 && tail[end - 1] is 0x00 or 0xFF or (byte)'\n' or (byte)'\r') end--;
        return end >= 2 && tail[end - 2] == 0xFF && tail[end - 1] == 0xD9;
    }
}
