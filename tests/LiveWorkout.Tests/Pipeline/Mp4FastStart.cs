using System.Buffers.Binary;
using System.Text;

namespace LiveWorkout.Tests.Pipeline;

/// <summary>
/// Moves an mp4's index (the moov box) in front of its frames (mdat), as `ffmpeg -movflags
/// faststart` and most cameras and phones do: such a file cut short still opens and declares its
/// full length, which is how a half-copied clip looks to a reader.
/// </summary>
public static class Mp4FastStart
{
    public static void Apply(string path)
    {
        byte[] data = File.ReadAllBytes(path);
        var boxes = new List<(string Type, int Start, int Length)>();
        for (int pos = 0; pos + 8 <= data.Length;)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos));
            string type = Encoding.ASCII.GetString(data, pos + 4, 4);
            if (size == 1) size = (long)BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(pos + 8));
            else if (size == 0) size = data.Length - pos;
            boxes.Add((type, pos, (int)size));
            pos += (int)size;
        }
        var moov = boxes.Single(b => b.Type == "moov");
        var mdat = boxes.Single(b => b.Type == "mdat");
        Assert.True(moov.Start > mdat.Start, "the clip already has its index first");

        byte[] index = data.AsSpan(moov.Start, moov.Length).ToArray();
        ShiftChunkOffsets(index, moov.Length);
        using var output = new MemoryStream();
        foreach (var box in boxes.Where(b => b.Type != "moov"))
        {
            if (box.Type == "mdat") output.Write(index);
            output.Write(data, box.Start, box.Length);
        }
        File.WriteAllBytes(path, output.ToArray());
    }

    /// <summary>Every chunk offset (stco, co64) moves by the index's length, which now precedes the frames.</summary>
    private static void ShiftChunkOffsets(byte[] moov, int by)
    {
        foreach (var (tag, wide) in new[] { ("stco", false), ("co64", true) })
        {
            byte[] name = Encoding.ASCII.GetBytes(tag);
            for (int at = moov.AsSpan().IndexOf(name); at >= 0;)
            {
                int count = (int)BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(at + 8));
                for (int i = 0; i < count; i++)
                {
                    if (wide)
                    {
                        var slot = moov.AsSpan(at + 12 + i * 8);
                        BinaryPrimitives.WriteUInt64BigEndian(slot, BinaryPrimitives.ReadUInt64BigEndian(slot) + (ulong)by);
                    }
                    else
                    {
                        var slot = moov.AsSpan(at + 12 + i * 4);
                        BinaryPrimitives.WriteUInt32BigEndian(slot, BinaryPrimitives.ReadUInt32BigEndian(slot) + (uint)by);
                    }
                }
                int next = moov.AsSpan(at + 4).IndexOf(name);
                at = next < 0 ? -1 : at + 4 + next;
            }
        }
    }
}
