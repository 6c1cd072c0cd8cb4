using System.Buffers.Binary;
using System.Runtime.InteropServices;
using LiveWorkout.Vision.Pose;
using LiveWorkout.Synthetic;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace LiveWorkout.Vision.Tests.Pose;

public sealed class TfliteDetectorRewriteTests : IDisposable
{
    private const int DepthToSpace = 5, Dequantize = 6, ResizeBilinear = 23, Densify = 124;
    private readonly string _dir = Directory.CreateTempSubdirectory("lw-pose-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_rewrite_is_deterministic_and_leaves_its_input_alone()
    {
        byte[] original = File.ReadAllBytes(PoseModelFiles.Detector);
        byte[] copy = (byte[])original.Clone();
        byte[] first = TfliteDetectorRewrite.Rewrite(original);
        byte[] second = TfliteDetectorRewrite.Rewrite(original);
        Assert.Equal(first, second);
        Assert.Equal(copy, original);
        Assert.Equal("TFL3", new FlatBufferReader(first).Identifier());
    }

    [Fact]
    public void The_rewritten_graph_has_no_densify_dequantize_depth_to_space_or_bilinear_resize()
    {
        var r = new FlatBufferReader(TfliteDetectorRewrite.Rewrite(File.ReadAllBytes(PoseModelFiles.Detector)));
        int model = r.Root();
        int[] codes = r.Tables(model, 1);
        int subgraph = r.Tables(model, 2).Single();
        var ops = r.Tables(subgraph, 3).Select(op => codes[r.Scalar(op, 0, 0, r.Int)]).ToArray();
        var builtins = ops.Select(c => Math.Max(r.Scalar(c, 0, 0, r.SByte), r.Scalar(c, 3, 0, r.Int))).ToArray();
        Assert.DoesNotContain(Densify, builtins);
        Assert.DoesNotContain(Dequantize, builtins);
        Assert.DoesNotContain(DepthToSpace, builtins);
        Assert.DoesNotContain(ResizeBilinear, builtins);
        Assert.Equal(3, ops.Count(c => r.String(c, 1) == "Convolution2DTransposeBias"));

        foreach (int op in r.Tables(subgraph, 3).Where(op => r.String(codes[r.Scalar(op, 0, 0, r.Int)], 1) is not null))
        {
            var (start, count) = r.Vector(op, 5, 1);
            Assert.Equal(12, count); // padding VALID (2), stride 2, stride 2
            Assert.Equal(new[] { 2, 2, 2 }, new[] { r.Int(start), r.Int(start + 4), r.Int(start + 8) });
        }
    }

    [Fact]
    public void Dense_weights_keep_every_stored_value_of_the_sparse_and_fp16_originals()
    {
        byte[] original = File.ReadAllBytes(PoseModelFiles.Detector);
        var before = new FlatBufferReader(original);
        var after = new FlatBufferReader(TfliteDetectorRewrite.Rewrite(original));
        var (oldModel, newModel) = (before.Root(), after.Root());
        int[] oldTensors = before.Tables(before.Tables(oldModel, 2)[0], 0), newTensors = after.Tables(after.Tables(newModel, 2)[0], 0);
        int[] oldBuffers = before.Tables(oldModel, 4), newBuffers = after.Tables(newModel, 4);
        int[] codes = before.Tables(oldModel, 1);
        int checkedSparse = 0, checkedHalf = 0;
        int[] oldOps = before.Tables(before.Tables(oldModel, 2)[0], 3);
        var producer = oldOps.ToDictionary(op => before.Ints(op, 2)[0]);
        foreach (int op in oldOps)
        {
            if (before.Scalar(codes[before.Scalar(op, 0, 0, before.Int)], 0, 0, before.SByte) != Dequantize) continue;
            int input = before.Ints(op, 1)[0], output = before.Ints(op, 2)[0];
            bool sparse = producer.TryGetValue(input, out int densify);
            int stored = sparse ? before.Ints(densify, 1)[0] : input;
            float[] values = Halves(before, oldBuffers[before.Scalar(oldTensors[stored], 2, 0, before.Int)]);
            float[] dense = Singles(after, newBuffers[after.Scalar(newTensors[output], 2, 0, after.Int)]);
            int elements = before.Ints(oldTensors[output], 0).Aggregate(1, (a, d) => a * d);
            Assert.Equal(elements, dense.Length);
            if (sparse)
            {
                // Order-free check that every stored value landed once: same sum of magnitudes, zeros elsewhere.
                double storedSum = values.Sum(v => (double)Math.Abs(v)), denseSum = dense.Sum(v => (double)Math.Abs(v));
                Assert.True(Math.Abs(storedSum - denseSum) <= 1e-6 * Math.Max(1, storedSum), $"{storedSum} vs {denseSum}");
                Assert.True(dense.Count(v => v != 0) <= values.Length);
                checkedSparse++;
            }
            else
            {
                Assert.Equal(values, dense);
                checkedHalf++;
            }
        }
        Assert.Equal(38, checkedSparse);
        Assert.True(checkedHalf > 50);
    }

    [Fact]
    public void Block_sparse_tensors_expand_like_TFLite_densify()
    {
        // A 4x4 matrix of 2x2 blocks with two non-zero blocks: (block row 0, block column 1) and (1, 0).
        var w = new FlatBufferWriter(new byte[8], 1024);
        int Indices(int[] values)
        {
            int vector = w.Ints(values);
            w.StartTable();
            w.AddOffset(0, vector);
            return w.EndTable();
        }
        int Dimension(int format, int denseSize, int segments = 0, int indices = 0)
        {
            w.StartTable();
            w.AddByte(0, (byte)format);
            w.AddInt(1, denseSize);
            if (segments != 0)
            {
                w.AddByte(2, 1); // Int32Vector
                w.AddOffset(3, segments);
                w.AddByte(4, 1);
                w.AddOffset(5, indices);
            }
            return w.EndTable();
        }
        int segmentsTable = Indices([0, 1, 2]);
        int indicesTable = Indices([1, 0]);
        int[] dims = [Dimension(0, 2), Dimension(1, 0, segmentsTable, indicesTable), Dimension(0, 2), Dimension(0, 2)];
        int traversal = w.Ints([0, 1, 2, 3]);
        int blockMap = w.Ints([0, 1]);
        int metadata = w.Offsets(dims);
        w.StartTable();
        w.AddOffset(0, traversal);
        w.AddOffset(1, blockMap);
        w.AddOffset(2, metadata);
        int sparsity = w.EndTable();
        w.StartTable();
        w.AddOffset(6, sparsity);
        int tensor = w.EndTable();
        var r = new FlatBufferReader(w.Finish(tensor, "TEST"));

        float[] stored = [1, 2, 3, 4, 5, 6, 7, 8];
        var bytes = new byte[stored.Length * 4];
        for (int i = 0; i < stored.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), stored[i]);
        byte[] dense = TfliteDensify.Expand(r, r.Root(), [4, 4], 4, bytes);

        float[] expected =
        [
            0, 0, 1, 2,
            0, 0, 3, 4,
            5, 6, 0, 0,
            7, 8, 0, 0,
        ];
        Assert.Equal(expected, Enumerable.Range(0, 16).Select(i => BinaryPrimitives.ReadSingleLittleEndian(dense.AsSpan(4 * i))));
    }

    [Fact]
    public void OpenCV_loads_the_rewritten_detector_and_returns_boxes_and_scores_for_every_anchor()
    {
        string path = Path.Combine(_dir, "detector.tflite");
        File.WriteAllBytes(path, TfliteDetectorRewrite.Rewrite(File.ReadAllBytes(PoseModelFiles.Detector)));
        using var net = CvDnn.ReadNet(path);
        Assert.False(net.Empty());
        using var blob = new Mat([1, 3, 224, 224], MatType.CV_32F, Scalar.All(0));
        net.SetInput(blob);
        using var boxes = new Mat();
        using var scores = new Mat();
        net.Forward([boxes, scores], [TfliteDetectorRewrite.BoxesOutput, TfliteDetectorRewrite.ScoresOutput]);
        Assert.Equal(TfliteDetectorRewrite.AnchorCount * 12, boxes.Total());
        Assert.Equal(TfliteDetectorRewrite.AnchorCount, scores.Total());
    }

    [Fact]
    public void Upsampling_in_one_pass_gives_the_same_outputs_as_OpenCVs_bilinear_resize()
    {
        byte[] original = File.ReadAllBytes(PoseModelFiles.Detector);
        using var session = new SyntheticSession(6, 224, 224, 5);
        using var frame = new Mat();
        session.Render(20, frame);
        using var blob = CvDnn.BlobFromImage(frame, 1 / 127.5, new Size(224, 224), new Scalar(127.5, 127.5, 127.5), swapRB: true);
        var (fastBoxes, fastScores) = Run(TfliteDetectorRewrite.Rewrite(original, fastUpsampling: true), "fast.tflite", blob);
        var (plainBoxes, plainScores) = Run(TfliteDetectorRewrite.Rewrite(original, fastUpsampling: false), "plain.tflite", blob);
        Assert.True(plainScores.Max() > 0, "the render should give at least one confident anchor");
        Assert.InRange(fastBoxes.Zip(plainBoxes, (a, b) => Math.Abs(a - b)).Max(), 0f, 1e-3f);
        Assert.InRange(fastScores.Zip(plainScores, (a, b) => Math.Abs(a - b)).Max(), 0f, 1e-3f);
    }

    [Fact]
    public void The_landmark_model_is_refused_as_not_the_detector()
    {
        var e = Assert.Throws<InvalidDataException>(() => TfliteDetectorRewrite.Rewrite(File.ReadAllBytes(PoseModelFiles.Landmark)));
        Assert.Contains("not the BlazePose detector", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenCV_refuses_truncated_and_random_files_with_an_exception_not_a_crash()
    {
        byte[] rewritten = TfliteDetectorRewrite.Rewrite(File.ReadAllBytes(PoseModelFiles.Detector));
        var random = new byte[50_000];
        new Random(5).NextBytes(random);
        byte[][] files = [rewritten[..(rewritten.Length / 2)], rewritten[..1000], random, [.. random[..4], .. "TFL3"u8, .. random[8..]]];
        for (int i = 0; i < files.Length; i++)
        {
            string path = Path.Combine(_dir, $"bad{i}.tflite");
            File.WriteAllBytes(path, files[i]);
            Assert.Throws<OpenCVException>(() => { using var net = CvDnn.ReadNet(path); });
        }
    }

    private (float[] Boxes, float[] Scores) Run(byte[] model, string name, Mat blob)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, model);
        using var net = CvDnn.ReadNet(path);
        net.SetInput(blob);
        using var boxes = new Mat();
        using var scores = new Mat();
        net.Forward([boxes, scores], [TfliteDetectorRewrite.BoxesOutput, TfliteDetectorRewrite.ScoresOutput]);
        var b = new float[boxes.Total()];
        var s = new float[scores.Total()];
        Marshal.Copy(boxes.Data, b, 0, b.Length);
        Marshal.Copy(scores.Data, s, 0, s.Length);
        return (b, s);
    }

    private static float[] Halves(FlatBufferReader r, int buffer)
    {
        var (start, count) = r.Vector(buffer, 0, 1);
        return [.. Enumerable.Range(0, count / 2).Select(i => (float)BinaryPrimitives.ReadHalfLittleEndian(r.Span(start + 2 * i, 2)))];
    }

    private static float[] Singles(FlatBufferReader r, int buffer)
    {
        var (start, count) = r.Vector(buffer, 0, 1);
        return [.. Enumerable.Range(0, count / 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(r.Span(start + 4 * i, 4)))];
    }
}
