using System.Buffers.Binary;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// Rewrites MediaPipe's BlazePose detector (pose_detection.tflite), deterministically and in memory, into an
/// equivalent model that OpenCV's DNN module imports and runs: dense fp32 weights instead of DENSIFY and fp16
/// DEQUANTIZE, one-hot transposed convolutions instead of DEPTH_TO_SPACE, one-pass 2x upsampling instead of bilinear resizes.
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

    private const int Float32 = TfliteModelBuilder.Float32, Float16 = 1, Int32 = TfliteModelBuilder.Int32;
    private const int Concatenation = 2, DepthwiseConvolution = 4, DepthToSpace = 5, Dequantize = 6, ResizeBilinear = 23,
        Custom = 32, StridedSlice = 45, ResizeNearestNeighbor = 97, Densify = 124;
    private const int DepthwiseConv2DOptions = 2, ConcatenationOptions = 10, ResizeBilinearOptions = 15, StridedSliceOptions = 32,
        ResizeNearestNeighborOptions = 74;
    private const string TransposeConvolution = "Convolution2DTransposeBias";

    /// <summary>
    /// The OpenCV-loadable model for the original detector's bytes. Throws <see cref="InvalidDataException"/>
    /// saying what is wrong when the bytes are not a TFLite model or not this detector.
    /// </summary>
    public static byte[] Rewrite(byte[] original) => Rewrite(original, fastUpsampling: true);

    /// <summary>The rewrite, optionally keeping RESIZE_BILINEAR as it is (to compare the two forms).</summary>
    internal static byte[] Rewrite(byte[] original, bool fastUpsampling)
    {
        ArgumentNullException.ThrowIfNull(original);
        var r = new FlatBufferReader(original);
        if (original.Length < 8 || r.Identifier() != "TFL3")
            throw new InvalidDataException("no TFLite file identifier 'TFL3'");
        try
        {
            return RewriteModel(r, fastUpsampling);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException($"the file is damaged ({e.Message})", e);
        }
    }

    private static byte[] RewriteModel(FlatBufferReader r, bool fastUpsampling)
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
                    keptOrder.Add((op, true));
                    continue;
                case ResizeBilinear when fastUpsampling && IsDoublingResize(r, op, info):
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
        var b = new TfliteModelBuilder(r, buffers, tensors, codes.Length, (int)Math.Min(extra, int.MaxValue / 2));
        var w = b.Writer;
        foreach (var (tensor, data) in folded.OrderBy(f => f.Key))
            if (consumed.Contains(tensor)) b.ReplaceTensor(tensor, tensors[tensor], Float32, b.AddBuffer(data));
        foreach (int tensor in sparse.Order())
            b.ReplaceTensor(tensor, tensors[tensor], info[tensor].Type, 0); // no data, no sparsity

        var operatorOffsets = new List<int>();
        foreach (var (op, replace) in keptOrder)
        {
            if (!replace) operatorOffsets.Add(w.Old(op));
            else if (builtin[r.Scalar(op, 0, 0, r.Int)] == DepthToSpace) operatorOffsets.Add(AddTransposeConvolution(b, r, op, info));
            else operatorOffsets.AddRange(AddUpsampling(b, r, op, info));
        }

        var codeOffsets = codes.Select(w.Old).ToList();
        codeOffsets.AddRange(b.NewCodeTables());
        int tensorVector = w.Offsets(b.Tensors);
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
        int bufferVector = w.Offsets(b.Buffers);
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
    private static int AddTransposeConvolution(TfliteModelBuilder b, FlatBufferReader r, int op, TensorInfo[] info)
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
        int kernelTensor = b.AddConstant([channels, block, block, inChannels], Float32, FloatBytes(kernel), output.Name + "/depth_to_space_kernel");
        int biasTensor = b.AddConstant([channels], Float32, new byte[channels * 4], output.Name + "/depth_to_space_bias");

        // TfLiteTransposeConvParams: padding (2 = VALID), stride_width, stride_height.
        int customOptions = b.Writer.Bytes(IntBytes(2, block, block));
        return b.AddOperator(b.Code(Custom, TransposeConvolution), [inputs[0], kernelTensor, biasTensor], b.Writer.Old(r.RefField(op, 2)), customOptions: customOptions);
    }

    /// <summary>
    /// Whether an operator is a RESIZE_BILINEAR that doubles a single NHWC map with half-pixel centres: OpenCV runs
    /// that as one cv::resize per channel, most of the detector's time, so <see cref="AddUpsampling"/> replaces it.
    /// </summary>
    private static bool IsDoublingResize(FlatBufferReader r, int op, TensorInfo[] info)
    {
        int options = r.RefField(op, 4);
        if (options < 0 || r.Scalar(op, 3, 0, r.Byte) != ResizeBilinearOptions) return false;
        bool alignCorners = r.Scalar(options, 2, 0, r.Byte) != 0, halfPixel = r.Scalar(options, 3, 0, r.Byte) != 0;
        int[] inputs = r.Ints(op, 1), outputs = r.Ints(op, 2);
        var (input, output) = (info[inputs[0]].Shape, info[outputs[0]].Shape);
        return !alignCorners && halfPixel && input.Length == 4 && output.Length == 4 && input[0] == 1
            && output[1] == 2 * input[1] && output[2] == 2 * input[2] && output[3] == input[3];
    }

    /// <summary>
    /// Doubles an NHWC map as bilinear resizing with half-pixel centres does, in operators OpenCV runs in one pass:
    /// pad an edge-replicated row and column on each side (slices, concatenations), repeat each pixel 2x2
    /// (nearest-neighbour resize), blur with the separable [1/4, 1/2, 1/4] kernel (depthwise convolution) and crop
    /// the border, so that each output is 3/4 of its source pixel plus 1/4 of the neighbour on its side.
    /// </summary>
    private static List<int> AddUpsampling(TfliteModelBuilder b, FlatBufferReader r, int op, TensorInfo[] info)
    {
        var w = b.Writer;
        int input = r.Ints(op, 1)[0], output = r.Ints(op, 2)[0];
        int height = info[input].Shape[1], width = info[input].Shape[2], channels = info[input].Shape[3];
        string name = info[output].Name + "/upsample";
        var ops = new List<int>();

        int Activation(int[] shape, string suffix) => b.AddTensor(shape, Float32, 0, name + suffix);
        int Slice(int from, int[] begin, int[] end, int outputs, string suffix)
        {
            // One set of constants per slice: OpenCV reorders them in place while importing.
            int begins = b.AddConstant([4], Int32, IntBytes(begin), name + suffix + "/begin");
            int ends = b.AddConstant([4], Int32, IntBytes(end), name + suffix + "/end");
            int strides = b.AddConstant([4], Int32, IntBytes(1, 1, 1, 1), name + suffix + "/strides");
            w.StartTable();
            int options = w.EndTable(); // StridedSliceOptions without masks
            ops.Add(b.AddOperator(b.Code(StridedSlice), [from, begins, ends, strides], outputs, StridedSliceOptions, options));
            return outputs;
        }
        int SliceTo(int from, int[] begin, int[] end, string suffix)
        {
            int result = Activation([.. end.Zip(begin, (e, s) => e - s)], suffix);
            Slice(from, begin, end, w.Ints([result]), suffix);
            return result;
        }
        int Concatenate(int[] parts, int axis, int[] shape, string suffix)
        {
            int result = Activation(shape, suffix);
            w.StartTable();
            w.AddInt(0, axis);
            int options = w.EndTable();
            ops.Add(b.AddOperator(b.Code(Concatenation), parts, w.Ints([result]), ConcatenationOptions, options));
            return result;
        }

        int top = SliceTo(input, [0, 0, 0, 0], [1, 1, width, channels], "/top");
        int bottom = SliceTo(input, [0, height - 1, 0, 0], [1, height, width, channels], "/bottom");
        int rows = Concatenate([top, input, bottom], 1, [1, height + 2, width, channels], "/rows");
        int left = SliceTo(rows, [0, 0, 0, 0], [1, height + 2, 1, channels], "/left");
        int right = SliceTo(rows, [0, 0, width - 1, 0], [1, height + 2, width, channels], "/right");
        int padded = Concatenate([left, rows, right], 2, [1, height + 2, width + 2, channels], "/padded");

        int size = b.AddConstant([2], Int32, IntBytes(2 * height + 4, 2 * width + 4), name + "/size");
        int repeated = Activation([1, 2 * height + 4, 2 * width + 4, channels], "/repeated");
        w.StartTable();
        w.AddByte(1, 1); // half_pixel_centers: source pixel floor((x + 0.5) / 2), OpenCV's one-pass nearest path
        int nearestOptions = w.EndTable();
        ops.Add(b.AddOperator(b.Code(ResizeNearestNeighbor), [padded, size], w.Ints([repeated]), ResizeNearestNeighborOptions, nearestOptions));

        float[] taps = [0.25f, 0.5f, 0.25f];
        var kernel = new float[9 * channels]; // [1, kh, kw, channels]
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int c = 0; c < channels; c++)
                    kernel[(i * 3 + j) * channels + c] = taps[i] * taps[j];
        int kernelTensor = b.AddConstant([1, 3, 3, channels], Float32, FloatBytes(kernel), name + "/kernel");
        int biasTensor = b.AddConstant([channels], Float32, new byte[channels * 4], name + "/bias");
        int blurred = Activation([1, 2 * height + 2, 2 * width + 2, channels], "/blurred");
        w.StartTable();
        w.AddByte(0, 1); // padding VALID
        w.AddInt(1, 1); // stride_w
        w.AddInt(2, 1); // stride_h
        w.AddInt(3, 1); // depth_multiplier
        int convOptions = w.EndTable();
        ops.Add(b.AddOperator(b.Code(DepthwiseConvolution), [repeated, kernelTensor, biasTensor], w.Ints([blurred]), DepthwiseConv2DOptions, convOptions));

        // The crop writes the resize's own output tensor, so the operators after it read it unchanged.
        Slice(blurred, [0, 1, 1, 0], [1, 2 * height + 1, 2 * width + 1, channels], w.Old(r.RefField(op, 2)), "/crop");
        return ops;
    }

    private static byte[] IntBytes(params int[] values)
    {
        var result = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(4 * i), values[i]);
        return result;
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
