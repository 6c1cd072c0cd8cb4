using System.Buffers.Binary;
using System.Text;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// Builds a FlatBuffers file back to front in front of the body of an existing file, so that new tables
/// can point forward at the old file's tables, vectors and strings and a rewrite reuses all it leaves unchanged.
/// </summary>
internal sealed class FlatBufferWriter
{
    private const int MaxAlignment = 16;
    private readonly List<(int Slot, int Offset)> _fields = [];
    private readonly int _oldLength, _oldPadding;
    private byte[] _buffer;
    private int _head;
    private int _tableStart = -1;

    /// <summary>Starts a buffer whose tail is <paramref name="oldFile"/> without its 8-byte header, padded so its objects keep their alignment.</summary>
    public FlatBufferWriter(byte[] oldFile, int extraCapacity)
    {
        if (oldFile.Length < 8) throw new InvalidDataException("the file is shorter than a FlatBuffers header");
        _oldLength = oldFile.Length;
        _oldPadding = (MaxAlignment - oldFile.Length % MaxAlignment) % MaxAlignment;
        int tail = oldFile.Length - 8 + _oldPadding;
        _buffer = new byte[tail + Math.Max(extraCapacity, 1024)];
        _head = _buffer.Length - tail;
        oldFile.AsSpan(8).CopyTo(_buffer.AsSpan(_head));
    }

    /// <summary>Distance of the current head from the end of the buffer.</summary>
    public int Offset => _buffer.Length - _head;

    /// <summary>The offset of an object at byte <paramref name="oldPosition"/> of the old file, or 0 for -1 (absent).</summary>
    public int Old(int oldPosition) => oldPosition < 0 ? 0 : _oldLength - oldPosition + _oldPadding;

    /// <summary>A vector of bytes whose first element is aligned to <paramref name="alignment"/>.</summary>
    public int Bytes(ReadOnlySpan<byte> bytes, int alignment = 4)
    {
        Prep(4, bytes.Length);
        Prep(alignment, bytes.Length);
        _head -= bytes.Length;
        bytes.CopyTo(_buffer.AsSpan(_head));
        PutInt(bytes.Length);
        return Offset;
    }

    /// <summary>A vector of 32-bit integers.</summary>
    public int Ints(ReadOnlySpan<int> values)
    {
        Prep(4, 4 * values.Length);
        for (int i = values.Length - 1; i >= 0; i--) PutInt(values[i]);
        PutInt(values.Length);
        return Offset;
    }

    /// <summary>A vector of offsets to tables (or strings, or vectors) already written.</summary>
    public int Offsets(IReadOnlyList<int> offsets)
    {
        Prep(4, 4 * offsets.Count);
        for (int i = offsets.Count - 1; i >= 0; i--) PutOffset(offsets[i]);
        PutInt(offsets.Count);
        return Offset;
    }

    /// <summary>A zero-terminated UTF-8 string.</summary>
    public int String(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        Prep(4, bytes.Length + 1);
        _head -= 1;
        _buffer[_head] = 0;
        _head -= bytes.Length;
        bytes.CopyTo(_buffer.AsSpan(_head));
        PutInt(bytes.Length);
        return Offset;
    }

    /// <summary>Begins a table; fields follow, then <see cref="EndTable"/>.</summary>
    public void StartTable()
    {
        if (_tableStart >= 0) throw new InvalidOperationException("tables cannot nest while they are built");
        _fields.Clear();
        _tableStart = Offset;
    }

    public void AddInt(int slot, int value)
    {
        Prep(4, 0);
        PutInt(value);
        _fields.Add((slot, Offset));
    }

    public void AddByte(int slot, byte value)
    {
        Prep(1, 0);
        _buffer[--_head] = value;
        _fields.Add((slot, Offset));
    }

    /// <summary>A field pointing at an object already written; skipped when <paramref name="offset"/> is 0 (absent).</summary>
    public void AddOffset(int slot, int offset)
    {
        if (offset == 0) return;
        Prep(4, 0);
        PutOffset(offset);
        _fields.Add((slot, Offset));
    }

    /// <summary>Ends the table with its own vtable in front of it; returns the table's offset.</summary>
    public int EndTable()
    {
        if (_tableStart < 0) throw new InvalidOperationException("no table was started");
        Prep(4, 0);
        PutInt(0); // the vtable offset, set below
        int table = Offset;
        int slots = _fields.Count == 0 ? 0 : _fields.Max(f => f.Slot) + 1;
        var entries = new int[slots];
        foreach (var (slot, offset) in _fields) entries[slot] = table - offset;
        Prep(2, 4 + 2 * slots);
        for (int i = slots - 1; i >= 0; i--) PutShort(entries[i]);
        PutShort(table - _tableStart);
        PutShort(4 + 2 * slots);
        int vtable = Offset;
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_buffer.Length - table), vtable - table);
        _tableStart = -1;
        return table;
    }

    /// <summary>Finishes the file with its root table and 4-character identifier; returns its bytes.</summary>
    public byte[] Finish(int root, string identifier)
    {
        Prep(MaxAlignment, 8);
        byte[] id = Encoding.ASCII.GetBytes(identifier);
        if (id.Length != 4) throw new ArgumentException("a file identifier has 4 characters", nameof(identifier));
        _head -= 4;
        id.CopyTo(_buffer.AsSpan(_head));
        PutOffset(root);
        return _buffer.AsSpan(_head).ToArray();
    }

    private void PutInt(int value)
    {
        _head -= 4;
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_head), value);
    }

    private void PutShort(int value)
    {
        if (value is < 0 or > ushort.MaxValue) throw new InvalidDataException("a table is too large for its vtable");
        _head -= 2;
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(_head), (ushort)value);
    }

    /// <summary>Writes an unsigned offset from the next 4 bytes to the object at <paramref name="target"/>.</summary>
    private void PutOffset(int target)
    {
        if (target <= 0 || target > Offset) throw new InvalidOperationException("an offset must point at an object already written");
        PutInt(Offset + 4 - target);
    }

    /// <summary>Pads so that after <paramref name="additional"/> more bytes an item of <paramref name="size"/> bytes is aligned.</summary>
    private void Prep(int size, int additional)
    {
        int padding = (int)((~((uint)Offset + (uint)additional) + 1) & (uint)(size - 1));
        Reserve(padding + size + additional);
        for (int i = 0; i < padding; i++) _buffer[--_head] = 0;
    }

    private void Reserve(int bytes)
    {
        if (_head >= bytes) return;
        int used = Offset;
        int length = Math.Max(_buffer.Length * 2, used + bytes + 1024);
        var grown = new byte[length];
        _buffer.AsSpan(_head).CopyTo(grown.AsSpan(length - used));
        _buffer = grown;
        _head = length - used;
    }
}
