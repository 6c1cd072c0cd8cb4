using System.Buffers.Binary;
using System.Text;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// Reads tables, vectors and strings of a FlatBuffers file by position, checking every offset
/// against the file's length, so that a truncated or foreign file fails with
/// <see cref="InvalidDataException"/> instead of reading out of range.
/// </summary>
internal sealed class FlatBufferReader(byte[] data)
{
    /// <summary>The file's bytes.</summary>
    public byte[] Data { get; } = data;

    /// <summary>Position of the root table (the first word of the file points at it).</summary>
    public int Root() => Ref(0);

    /// <summary>The 4-character file identifier after the root offset, or "" when the file is too short.</summary>
    public string Identifier() => Data.Length >= 8 ? Encoding.ASCII.GetString(Data, 4, 4) : "";

    /// <summary>Position of field <paramref name="slot"/> of a table, or -1 when the field is absent.</summary>
    public int Field(int table, int slot)
    {
        int vtable = Check((long)table - Int(table), 4);
        int vtableSize = UShort(vtable);
        int entry = 4 + 2 * slot;
        if (entry + 2 > vtableSize) return -1;
        int offset = UShort(vtable + entry);
        return offset == 0 ? -1 : Check((long)table + offset, 1);
    }

    /// <summary>Position that the unsigned offset stored at <paramref name="position"/> points at.</summary>
    public int Ref(int position) => Check(position + (long)UInt(position), 4);

    /// <summary>Position of the table, vector or string that field <paramref name="slot"/> points at, or -1 when absent.</summary>
    public int RefField(int table, int slot)
    {
        int field = Field(table, slot);
        return field < 0 ? -1 : Ref(field);
    }

    /// <summary>First element and length of the vector field <paramref name="slot"/>; (-1, 0) when absent.</summary>
    public (int Start, int Count) Vector(int table, int slot, int elementSize)
    {
        int vector = RefField(table, slot);
        return vector < 0 ? (-1, 0) : VectorAt(vector, elementSize);
    }

    /// <summary>First element and length of the vector at <paramref name="vector"/>.</summary>
    public (int Start, int Count) VectorAt(int vector, int elementSize)
    {
        uint count = UInt(vector);
        long end = vector + 4L + (long)count * elementSize;
        if (end > Data.Length) throw new InvalidDataException($"a vector at byte {vector} runs past the end of the file");
        return (vector + 4, (int)count);
    }

    /// <summary>The tables of a vector-of-tables field, as positions; empty when absent.</summary>
    public int[] Tables(int table, int slot)
    {
        var (start, count) = Vector(table, slot, 4);
        var result = new int[count];
        for (int i = 0; i < count; i++) result[i] = Ref(start + 4 * i);
        return result;
    }

    /// <summary>An int vector field; empty when absent.</summary>
    public int[] Ints(int table, int slot)
    {
        var (start, count) = Vector(table, slot, 4);
        var result = new int[count];
        for (int i = 0; i < count; i++) result[i] = Int(start + 4 * i);
        return result;
    }

    /// <summary>A string field, or null when absent.</summary>
    public string? String(int table, int slot)
    {
        var (start, count) = Vector(table, slot, 1);
        return start < 0 ? null : Encoding.UTF8.GetString(Data, start, count);
    }

    /// <summary>A scalar field read with <paramref name="read"/>, or <paramref name="absent"/> when the field is not stored.</summary>
    public int Scalar(int table, int slot, int absent, Func<int, int> read)
    {
        int field = Field(table, slot);
        return field < 0 ? absent : read(field);
    }

    public int Int(int position) => BinaryPrimitives.ReadInt32LittleEndian(Span(position, 4));

    public uint UInt(int position) => BinaryPrimitives.ReadUInt32LittleEndian(Span(position, 4));

    public int UShort(int position) => BinaryPrimitives.ReadUInt16LittleEndian(Span(position, 2));

    public int Byte(int position) => Span(position, 1)[0];

    public int SByte(int position) => (sbyte)Span(position, 1)[0];

    /// <summary>The bytes at <paramref name="position"/>, checked against the file's length.</summary>
    public ReadOnlySpan<byte> Span(int position, int length)
    {
        if (position < 0 || length < 0 || (long)position + length > Data.Length)
            throw new InvalidDataException($"an offset points outside the file (byte {position} of {Data.Length})");
        return Data.AsSpan(position, length);
    }

    private int Check(long position, int size)
    {
        if (position < 0 || position + size > Data.Length)
            throw new InvalidDataException($"an offset points outside the file (byte {position} of {Data.Length})");
        return (int)position;
    }
}
