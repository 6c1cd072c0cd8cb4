namespace LiveWorkout.Vision.Pose;

/// <summary>
/// The new parts of a rewritten TFLite model (buffers, tensors, operator codes and operators appended to the
/// original's), written in front of the original's body so that unchanged tables are reused by reference.
/// </summary>
internal sealed class TfliteModelBuilder
{
    /// <summary>TFLite tensor element types used here.</summary>
    public const int Float32 = 0, Int32 = 2;

    private readonly FlatBufferReader _reader;
    private readonly List<(int Builtin, string? Custom)> _newCodes = [];
    private readonly int _oldCodeCount;

    public TfliteModelBuilder(FlatBufferReader reader, int[] buffers, int[] tensors, int oldCodeCount, int extraCapacity)
    {
        _reader = reader;
        Writer = new FlatBufferWriter(reader.Data, extraCapacity);
        Buffers = [.. buffers.Select(Writer.Old)];
        Tensors = [.. tensors.Select(Writer.Old)];
        _oldCodeCount = oldCodeCount;
    }

    public FlatBufferWriter Writer { get; }

    /// <summary>Offsets of the model's buffer tables, old and new, by buffer index.</summary>
    public List<int> Buffers { get; }

    /// <summary>Offsets of the subgraph's tensor tables, old and new, by tensor index.</summary>
    public List<int> Tensors { get; }

    /// <summary>A new buffer holding <paramref name="data"/> (16-byte aligned); returns its index.</summary>
    public int AddBuffer(ReadOnlySpan<byte> data)
    {
        int bytes = Writer.Bytes(data, 16);
        Writer.StartTable();
        Writer.AddOffset(0, bytes);
        Buffers.Add(Writer.EndTable());
        return Buffers.Count - 1;
    }

    /// <summary>A new tensor; buffer 0 means a computed (not constant) tensor. Returns its index.</summary>
    public int AddTensor(int[] shape, int type, int buffer, string name)
    {
        int shapeVector = Writer.Ints(shape);
        int nameString = Writer.String(name);
        Writer.StartTable();
        Writer.AddOffset(0, shapeVector);
        Writer.AddInt(2, buffer);
        Writer.AddOffset(3, nameString);
        Writer.AddByte(1, (byte)type);
        Tensors.Add(Writer.EndTable());
        return Tensors.Count - 1;
    }

    /// <summary>A new constant tensor with its own buffer.</summary>
    public int AddConstant(int[] shape, int type, ReadOnlySpan<byte> data, string name) => AddTensor(shape, type, AddBuffer(data), name);

    /// <summary>Replaces old tensor <paramref name="index"/> by a copy (same shape and name) with a new type and buffer and without quantization or sparsity.</summary>
    public void ReplaceTensor(int index, int oldTable, int type, int buffer)
    {
        Writer.StartTable();
        Writer.AddOffset(0, Writer.Old(_reader.RefField(oldTable, 0)));
        Writer.AddInt(2, buffer);
        Writer.AddOffset(3, Writer.Old(_reader.RefField(oldTable, 3)));
        Writer.AddByte(1, (byte)type);
        Tensors[index] = Writer.EndTable();
    }

    /// <summary>The index of the operator code for a builtin (or, with <paramref name="custom"/>, a custom) op, added after the old codes once.</summary>
    public int Code(int builtin, string? custom = null)
    {
        int i = _newCodes.IndexOf((builtin, custom));
        if (i < 0)
        {
            _newCodes.Add((builtin, custom));
            i = _newCodes.Count - 1;
        }
        return _oldCodeCount + i;
    }

    /// <summary>A new operator table; options are a builtin options table (with its union type) or custom option bytes.</summary>
    public int AddOperator(int code, int[] inputs, int outputs, int optionsType = 0, int options = 0, int customOptions = 0)
    {
        int inputVector = Writer.Ints(inputs);
        Writer.StartTable();
        Writer.AddInt(0, code);
        Writer.AddOffset(1, inputVector);
        Writer.AddOffset(2, outputs);
        if (options != 0)
        {
            Writer.AddByte(3, (byte)optionsType);
            Writer.AddOffset(4, options);
        }
        Writer.AddOffset(5, customOptions);
        return Writer.EndTable();
    }

    /// <summary>Offsets of the new operator code tables, in index order after the old ones.</summary>
    public List<int> NewCodeTables()
    {
        var tables = new List<int>();
        foreach (var (builtin, custom) in _newCodes)
        {
            int name = custom is null ? 0 : Writer.String(custom);
            Writer.StartTable();
            Writer.AddByte(0, (byte)Math.Min(builtin, 127));
            Writer.AddOffset(1, name);
            Writer.AddInt(2, 1);
            Writer.AddInt(3, builtin);
            tables.Add(Writer.EndTable());
        }
        return tables;
    }
}
