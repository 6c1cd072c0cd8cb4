using System.Buffers.Binary;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// Rewrites MediaPipe's BlazePose detector (pose_detection.tflite) into a model that OpenCV's DNN
/// module imports: sparse weights (DENSIFY) and fp16 constants (DEQUANTIZE) are stored as dense fp32
/// constants, and each DEPTH_TO_SPACE becomes the equivalent stride-b transposed convolution
/// (MediaPipe's Convolution2DTransposeBias custom op, which OpenCV reads) with a one-hot kernel.
/// The rest of the model is reused unchanged. Same input bytes give the same output bytes.
/// </summary>
public static class TfliteDetectorRewrite
{
    /// <summary>Input tensor shape (NHWC) the detector must have.</summary>
    public static IReadOnlyList<int> InputShape { get; } = [1, 224, 224, 3];

    /// <summary>Number of anchors (candidate boxes) the detector's outputs must have.</summary>
    public const int AnchorCount = 2254;

    /// <summary>Name of the output with a box and 4 keypoints per anchor, [1, 2254, 12].</summary>
    public const string BoxesOutput = "Identity";

    /// <summary>Name of the output with one score logit per anchor, [1, 2254, 1].</summary>
    public const string ScoresOutput = "Identity_1";

    private const int Float32 = 0, Float16 = 1;
    private const int DepthToSpace = 5, Dequantize = 6, Custom = 32, Densify = 124;
    private const string TransposeConvolution = "Convolution2DTransposeBias";

    /// <summary>
    /// The OpenCV-loadable model for the original detector's bytes. Throws <see cref="InvalidDataException"/>
    /// saying what is wrong when the bytes are not a TFLite model or not this detector.
    /// </summary>
    public static byte[] Rewrite(byte[] original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var r = new FlatBufferReader(original);
        if (original.Length < 8 || r.Identifier() != "TFL3")
            throw new InvalidDataException("no TFLite file identifier 'TFL3'");
        try
        {
            return RewriteModel(r);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException($"the file is damaged ({e.Message})", e);
        }
    }

    private static byte[] RewriteModel(FlatBufferReader r)
    {
        int model = r.Root();
        int[] codes = r.Tables(model, 1);
        int[] subgraphs = r.Tables(model, 2);
        int[] buffers = r.Tables(model, 4);
        if (subgraphs.Length != 1) throw new InvalidDataException($"expected one subgraph, found {subgraphs.Length}");
        int subgraph = subgraphs[0];
        int[] tensors = r.Tables(subgraph, 0);
        int[] operators = r.Tables(subgraph, 3);
        var info = tensors.Select(t => TensorInfo.Read(r, t)).ToArray();
        foreach (var t in info)
        {
            // OpenCV indexes buffers and shapes without bounds checks: refuse what would make it read out of range.
            if (t.Buffer < 0 || t.Buffer >= buffers.Length) throw new InvalidDataException($"tensor '{t.Name}' names buffer {t.Buffer} of {buffers.Length}");
            if (t.Shape.Length > 8 || t.Shape.Any(d => d < 0)) throw new InvalidDataException($"tensor '{t.Name}' has shape [{string.Join(',', t.Shape)}]");
        }
        CheckSignature(r, subgraph, info);

        var builtin = codes.Select(c => Math.Max(r.Scalar(c, 0, 0, r.SByte), r.Scalar(c, 3, 0, r.Int))).ToArray();
        var folded = new Dictionary<int, byte[]>(); // tensor -> dense fp32 data
        var foldedFp16 = new Dictionary<int, byte[]>(); // tensor -> dense fp16 data from DENSIFY
        var sparse = new HashSet<int>();
        var depthToSpace = new List<int>();
        var keptOrder = new List<(int Operator, bool Replace)>();

        foreach (int op in operators)
        {
            int code = r.Scalar(op, 0, 0, r.Int);
            if (code < 0 || code >= builtin.Length) throw new InvalidDataException($"an operator names op code {code} of {builtin.Length}");
            int[] inputs = r.Ints(op, 1), outputs = r.Ints(op, 2);
            CheckIndices(inputs, info.Length);
            CheckIndices(outputs, info.Length);
            switch (builtin[code])
            {
                case Densify:
                {
                    var source = info[inputs[0]];
                    int elementSize = ElementSize(source.Type);
                    byte[] dense = TfliteDensify.Expand(r, tensors[inputs[0]], source.Shape, elementSize, BufferData(r, buffers, source.Buffer));
                    sparse.Add(inputs[0]);
                    if (source.Type == Float16) foldedFp16[outputs[0]] = dense;
                    else if (source.Type == Float32) folded[outputs[0]] = dense;
                    else throw new InvalidDataException($"a sparse tensor of type {source.Type} is not supported");
                    continue;
                }
                case Dequantize when info[inputs[0]].Type == Float16:
                {
                    byte[]? half = foldedFp16.GetValueOrDefault(inputs[0]);
                    if (half is null && info[inputs[0]].Buffer > 0)
                    {
                        var stored = BufferData(r, buffers, info[inputs[0]].Buffer);
                        if (stored.Length > 0) half = stored.ToArray();
                    }
                    if (half is not null)
                    {
                        folded[outputs[0]] = HalfToSingle(half);
                        continue;
                    }
                    break;
                }
                case DepthToSpace:
                    depthToSpace.Add(op);
                    keptOrder.Add((op, true));
                    continue;
            }
            keptOrder.Add((op, false));
        }

        // Constants that kept operators read (or the graph returns) get fp32 buffers of their own.
        var consumed = new HashSet<int>(r.Ints(subgraph, 2));
        foreach (var (op, _) in keptOrder) consumed.UnionWith(r.Ints(op, 1));
        foreach (var (tensor, half) in foldedFp16)
            if (consumed.Contains(tensor)) folded[tensor] = HalfToSingle(half);

        long extra = folded.Where(f => consumed.Contains(f.Key)).Sum(f => (long)f.Value.Length + 256) + 64L * (operators.Length + tensors.Length + buffers.Length) + 65536;
        var w = new FlatBufferWriter(r.Data, (int)Math.Min(extra, int.MaxValue / 2));
        var bufferOffsets = buffers.Select(w.Old).ToList();
        var tensorOffsets = tensors.Select(w.Old).ToList();

        foreach (var (tensor, data) in folded.OrderBy(f => f.Key))
        {
            if (!consumed.Contains(tensor)) continue;
            int buffer = AddBuffer(w, bufferOffsets, data);
            tensorOffsets[tensor] = AddTensor(w, r, tensors[tensor], Float32, buffer);
        }
        foreach (int tensor in sparse.Order())
            tensorOffsets[tensor] = AddTensor(w, r, tensors[tensor], info[tensor].Type, 0); // no data, no sparsity

        int customCode = codes.Length;
        var operatorOffsets = new List<int>();
        foreach (var (op, replace) in keptOrder)
            operatorOffsets.Add(replace ? AddTransposeConvolution(w, r, op, info, bufferOffsets, tensorOffsets, customCode) : w.Old(op));

        var codeOffsets = codes.Select(w.Old).ToList();
        if (depthToSpace.Count > 0)
        {
            int name = w.String(TransposeConvolution);
            w.StartTable();
            w.AddByte(0, Custom);
            w.AddOffset(1, name);
            w.AddInt(2, 1);
            w.AddInt(3, Custom);
            codeOffsets.Add(w.EndTable());
        }

        int tensorVector = w.Offsets(tensorOffsets);
        int operatorVector = w.Offsets(operatorOffsets);
        w.StartTable();
        w.AddOffset(0, tensorVector);
        w.AddOffset(1, w.Old(r.RefField(subgraph, 1)));
        w.AddOffset(2, w.Old(r.RefField(subgraph, 2)));
        w.AddOffset(3, operatorVector);
        w.AddOffset(4, w.Old(r.RefField(subgraph, 4)));
        int newSubgraph = w.EndTable();

        int subgraphVector = w.Offsets([newSubgraph]);
        int codeVector = w.Offsets(codeOffsets);
        int bufferVector = w.Offsets(bufferOffsets);
        w.StartTable();
        w.AddInt(0, r.Scalar(model, 0, 0, r.Int));
        w.AddOffset(1, codeVector);
        w.AddOffset(2, subgraphVector);
        w.AddOffset(3, w.Old(r.RefField(model, 3)));
        w.AddOffset(4, bufferVector);
        w.AddOffset(5, w.Old(r.RefField(model, 5)));
        w.AddOffset(6, w.Old(r.RefField(model, 6)));
        w.AddOffset(7, w.Old(r.RefField(model, 7)));
        int root = w.EndTable();
        return w.Finish(root, "TFL3");
    }

    /// <summary>Replaces DEPTH_TO_SPACE (block b, NHWC: out[h*b+i, w*b+j, c] = in[h, w, (i*b+j)*C+c]) by a transposed convolution with a one-hot kernel.</summary>
    private static int AddTransposeConvolution(FlatBufferWriter w, FlatBufferReader r, int op, TensorInfo[] info,
        List<int> bufferOffsets, List<int> tensorOffsets, int customCode)
    {
        int[] inputs = r.Ints(op, 1), outputs = r.Ints(op, 2);
        var input = info[inputs[0]];
        var output = info[outputs[0]];
        int options = r.RefField(op, 4);
        int block = options < 0 ? 0 : r.Scalar(options, 0, 0, r.Int);
        if (input.Shape.Length != 4 || output.Shape.Length != 4 || block < 2
            || output.Shape[1] != input.Shape[1] * block || output.Shape[2] != input.Shape[2] * block
            || input.Shape[3] != output.Shape[3] * block * block)
            throw new InvalidDataException($"DEPTH_TO_SPACE '{output.Name}' has shapes [{string.Join(',', input.Shape)}] -> [{string.Join(',', output.Shape)}] with block {block}");

        int channels = output.Shape[3], inChannels = input.Shape[3];
        var kernel = new float[channels * block * block * inChannels]; // [out channel, kh, kw, in channel]
        for (int c = 0; c < channels; c++)
            for (int i = 0; i < block; i++)
                for (int j = 0; j < block; j++)
                    kernel[((c * block + i) * block + j) * inChannels + (i * block + j) * channels + c] = 1f;
        int kernelBuffer = AddBuffer(w, bufferOffsets, FloatBytes(kernel));
        int biasBuffer = AddBuffer(w, bufferOffsets, new byte[channels * 4]);
        int kernelTensor = AddNewTensor(w, tensorOffsets, [channels, block, block, inChannels], kernelBuffer, output.Name + "/depth_to_space_kernel");
        int biasTensor = AddNewTensor(w, tensorOffsets, [channels], biasBuffer, output.Name + "/depth_to_space_bias");

        // TfLiteTransposeConvParams: padding (2 = VALID), stride_width, stride_height.
        var parameters = new byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(parameters, 2);
        BinaryPrimitives.WriteInt32LittleEndian(parameters.AsSpan(4), block);
        BinaryPrimitives.WriteInt32LittleEndian(parameters.AsSpan(8), block);
        int customOptions = w.Bytes(parameters);
        int inputVector = w.Ints([inputs[0], kernelTensor, biasTensor]);
        w.StartTable();
        w.AddInt(0, customCode);
        w.AddOffset(1, inputVector);
        w.AddOffset(2, w.Old(r.RefField(op, 2)));
        w.AddOffset(5, customOptions);
        return w.EndTable();
    }

    private static int AddBuffer(FlatBufferWriter w, List<int> bufferOffsets, byte[] data)
    {
        int bytes = w.Bytes(data, 16);
        w.StartTable();
        w.AddOffset(0, bytes);
        bufferOffsets.Add(w.EndTable());
        return bufferOffsets.Count - 1;
    }

    /// <summary>A copy of an old tensor table (shape and name reused) with a new type and buffer, without quantization or sparsity.</summary>
    private static int AddTensor(FlatBufferWriter w, FlatBufferReader r, int tensor, int type, int buffer)
    {
        w.StartTable();
        w.AddOffset(0, w.Old(r.RefField(tensor, 0)));
        w.AddInt(2, buffer);
        w.AddOffset(3, w.Old(r.RefField(tensor, 3)));
        w.AddByte(1, (byte)type);
        return w.EndTable();
    }

    private static int AddNewTensor(FlatBufferWriter w, List<int> tensorOffsets, int[] shape, int buffer, string name)
    {
        int shapeVector = w.Ints(shape);
        int nameString = w.String(name);
        w.StartTable();
        w.AddOffset(0, shapeVector);
        w.AddInt(2, buffer);
        w.AddOffset(3, nameString);
        w.AddByte(1, Float32);
        tensorOffsets.Add(w.EndTable());
        return tensorOffsets.Count - 1;
    }

    private static void CheckSignature(FlatBufferReader r, int subgraph, TensorInfo[] info)
    {
        int[] inputs = r.Ints(subgraph, 1), outputs = r.Ints(subgraph, 2);
        CheckIndices(inputs, info.Length);
        CheckIndices(outputs, info.Length);
        string Describe(int t) => $"'{info[t].Name}' [{string.Join(',', info[t].Shape)}]";
        string found = $"inputs {string.Join(", ", inputs.Select(Describe))}, outputs {string.Join(", ", outputs.Select(Describe))}";
        bool inputOk = inputs.Length == 1 && info[inputs[0]].Shape.SequenceEqual(InputShape) && info[inputs[0]].Type == Float32;
        bool boxesOk = outputs.Any(t => info[t].Name == BoxesOutput && info[t].Shape.SequenceEqual([1, AnchorCount, 12]));
        bool scoresOk = outputs.Any(t => info[t].Name == ScoresOutput && info[t].Shape.SequenceEqual([1, AnchorCount, 1]));
        if (!inputOk || !boxesOk || !scoresOk)
            throw new InvalidDataException($"not the BlazePose detector: expected input [1,224,224,3] and outputs '{BoxesOutput}' [1,{AnchorCount},12], '{ScoresOutput}' [1,{AnchorCount},1]; found {found}");
    }

    private static void CheckIndices(int[] indices, int count)
    {
        foreach (int i in indices)
            if (i < 0 || i >= count) throw new InvalidDataException($"an operator names tensor {i} of {count}");
    }

    private static ReadOnlySpan<byte> BufferData(FlatBufferReader r, int[] buffers, int buffer)
    {
        if (buffer <= 0 || buffer >= buffers.Length) throw new InvalidDataException($"a constant names buffer {buffer} of {buffers.Length}");
        var (start, count) = r.Vector(buffers[buffer], 0, 1);
        return start < 0 ? [] : r.Span(start, count);
    }

    private static int ElementSize(int type) => type switch
    {
        Float32 => 4,
        Float16 => 2,
        _ => throw new InvalidDataException($"a sparse tensor of type {type} is not supported"),
    };

    private static byte[] HalfToSingle(byte[] half)
    {
        var result = new byte[half.Length * 2];
        for (int i = 0; i < half.Length / 2; i++)
        {
            var value = BinaryPrimitives.ReadHalfLittleEndian(half.AsSpan(2 * i));
            BinaryPrimitives.WriteSingleLittleEndian(result.AsSpan(4 * i), (float)value);
        }
        return result;
    }

    private static byte[] FloatBytes(float[] values)
    {
        var result = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(result.AsSpan(4 * i), values[i]);
        return result;
    }

    /// <summary>What the rewrite needs of a tensor table: shape, element type, buffer index and name.</summary>
    private sealed record TensorInfo(int[] Shape, int Type, int Buffer, string Name)
    {
        public static TensorInfo Read(FlatBufferReader r, int tensor) =>
            new(r.Ints(tensor, 0), r.Scalar(tensor, 1, Float32, r.SByte), r.Scalar(tensor, 2, 0, r.Int), r.String(tensor, 3) ?? "");
    }
}
