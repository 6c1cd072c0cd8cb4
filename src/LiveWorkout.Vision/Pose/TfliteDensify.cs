namespace LiveWorkout.Vision.Pose;

/// <summary>
/// Expands a sparse TFLite constant (SparsityParameters: a traversal order, an optional block map and
/// per-dimension DENSE or SPARSE_CSR metadata) into its dense row-major bytes, as TFLite's DENSIFY op
/// does at run time, so that a reader without that op gets the same weights.
/// </summary>
internal static class TfliteDensify
{
    private const int DenseFormat = 0, SparseCsrFormat = 1;
    private const int MaxRank = 8;
    private const long MaxDenseBytes = 256L << 20;

    /// <summary>Dense bytes of tensor table <paramref name="tensor"/> with dense <paramref name="shape"/>, from its stored non-zero <paramref name="values"/>.</summary>
    public static byte[] Expand(FlatBufferReader r, int tensor, int[] shape, int elementSize, ReadOnlySpan<byte> values)
    {
        int sparsity = r.RefField(tensor, 6);
        if (sparsity < 0) throw new InvalidDataException("a DENSIFY input has no sparsity parameters");
        int[] traversal = r.Ints(sparsity, 0);
        int[] blockMap = r.Ints(sparsity, 1);
        int[] metadata = r.Tables(sparsity, 2);
        int rank = shape.Length, levels = traversal.Length;
        if (rank > MaxRank || blockMap.Length > MaxRank || levels != rank + blockMap.Length || metadata.Length != levels)
            throw new InvalidDataException("sparsity parameters do not match the tensor's rank");

        var formats = new int[levels];
        var denseSizes = new int[levels];
        var segments = new int[levels][];
        var indices = new int[levels][];
        for (int level = 0; level < levels; level++)
        {
            int m = metadata[level];
            formats[level] = r.Scalar(m, 0, DenseFormat, r.SByte);
            denseSizes[level] = r.Scalar(m, 1, 0, r.Int);
            if (formats[level] == SparseCsrFormat)
            {
                segments[level] = IndexVector(r, m, 2);
                indices[level] = IndexVector(r, m, 4);
            }
            else if (formats[level] != DenseFormat) throw new InvalidDataException($"unknown sparse dimension format {formats[level]}");
        }

        var blockSizes = new int[blockMap.Length];
        for (int b = 0; b < blockMap.Length; b++)
        {
            int level = Array.IndexOf(traversal, rank + b);
            if (level < 0 || blockMap[b] < 0 || blockMap[b] >= rank) throw new InvalidDataException("a sparse block dimension is not traversed");
            blockSizes[b] = denseSizes[level];
        }

        long total = 1;
        foreach (int d in shape) total *= d > 0 ? d : throw new InvalidDataException("a sparse tensor has an empty dimension");
        if (total * elementSize > MaxDenseBytes) throw new InvalidDataException("a sparse tensor is too large");
        long denseLevels = 1;
        for (int level = 0; level < levels; level++)
            if (formats[level] == DenseFormat && (denseSizes[level] < 0 || (denseLevels *= Math.Max(denseSizes[level], 1)) > total))
                throw new InvalidDataException("sparse dimension sizes do not match the tensor's shape");
        var state = new State(shape, traversal, blockMap, blockSizes, formats, denseSizes, segments, indices, elementSize,
            values.ToArray(), new byte[total * elementSize]);
        Populate(state, new int[levels], 0, 0);
        if (state.Consumed * elementSize != state.Values.Length)
            throw new InvalidDataException($"a sparse tensor stores {state.Values.Length / elementSize} values but its indices name {state.Consumed}");
        return state.Dense;
    }

    private static int[] IndexVector(FlatBufferReader r, int metadata, int typeSlot)
    {
        int type = r.Scalar(metadata, typeSlot, 0, r.Byte);
        int table = r.RefField(metadata, typeSlot + 1);
        if (table < 0) throw new InvalidDataException("a SPARSE_CSR dimension lacks its index arrays");
        int elementSize = type switch { 1 => 4, 2 => 2, 3 => 1, _ => throw new InvalidDataException($"unknown sparse index type {type}") };
        var (start, count) = r.Vector(table, 0, elementSize);
        var result = new int[count];
        for (int i = 0; i < count; i++)
        {
            int p = start + i * elementSize;
            result[i] = type switch { 1 => r.Int(p), 2 => r.UShort(p), _ => r.Byte(p) };
        }
        return result;
    }

    private static void Populate(State s, int[] index, int level, int previous)
    {
        if (level == index.Length)
        {
            Place(s, index);
            return;
        }
        if (s.Formats[level] == DenseFormat)
        {
            int size = s.DenseSizes[level];
            for (int i = 0; i < size; i++)
            {
                index[level] = i;
                Populate(s, index, level + 1, previous * size + i);
            }
            return;
        }
        int[] segments = s.Segments[level], indices = s.Indices[level];
        if (previous + 1 >= segments.Length) throw new InvalidDataException("a sparse segment index is out of range");
        int from = segments[previous], to = segments[previous + 1];
        if (from < 0 || to > indices.Length || from > to) throw new InvalidDataException("a sparse segment is out of range");
        for (int i = from; i < to; i++)
        {
            index[level] = indices[i];
            Populate(s, index, level + 1, i);
        }
    }

    /// <summary>Copies the next stored value to the dense position that the traversal index names.</summary>
    private static void Place(State s, int[] index)
    {
        int rank = s.Shape.Length;
        Span<int> original = stackalloc int[rank];
        for (int i = 0; i < rank; i++) original[s.Traversal[i]] = index[i];
        for (int i = rank; i < index.Length; i++)
        {
            int block = s.Traversal[i] - rank;
            int dim = s.BlockMap[block];
            original[dim] = original[dim] * s.BlockSizes[block] + index[i];
        }
        long flat = 0;
        for (int d = 0; d < rank; d++)
        {
            if (original[d] < 0 || original[d] >= s.Shape[d]) throw new InvalidDataException("a sparse index is outside the tensor");
            flat = flat * s.Shape[d] + original[d];
        }
        int source = s.Consumed * s.ElementSize;
        if (source + s.ElementSize > s.Values.Length) throw new InvalidDataException("a sparse tensor names more values than it stores");
        Array.Copy(s.Values, source, s.Dense, flat * s.ElementSize, s.ElementSize);
        s.Consumed++;
    }

    private sealed class State(int[] shape, int[] traversal, int[] blockMap, int[] blockSizes, int[] formats, int[] denseSizes,
        int[][] segments, int[][] indices, int elementSize, byte[] values, byte[] dense)
    {
        public int[] Shape { get; } = shape;
        public int[] Traversal { get; } = traversal;
        public int[] BlockMap { get; } = blockMap;
        public int[] BlockSizes { get; } = blockSizes;
        public int[] Formats { get; } = formats;
        public int[] DenseSizes { get; } = denseSizes;
        public int[][] Segments { get; } = segments;
        public int[][] Indices { get; } = indices;
        public int ElementSize { get; } = elementSize;
        public byte[] Values { get; } = values;
        public byte[] Dense { get; } = dense;
        public int Consumed { get; set; }
    }
}
