using LiveWorkout.Learning.Data;
using LiveWorkout.Vision.Augmentation;
using LiveWorkout.Vision.Capture;
using LiveWorkout.Vision.Preprocessing;
using LiveWorkout.Synthetic;
using OpenCvSharp;

namespace LiveWorkout.Learning.Tests.Data;

/// <summary>
/// One image file must become the same model input whether it is read by the training loader
/// (ImageDataset + BatchLoader, no augmentation) or by the real-time pipeline (FrameCapture from
/// an image folder + FramePreprocessor): the same floats, bit for bit.
/// </summary>
public sealed class TrainServeParityTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lw-parity-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<int, int, string, string> Cases => new()
    {
        { 160, 120, "ours", "png" },
        { 640, 480, "ours", "png" },      // more than twice the model size: the loader's pre-shrink path
        { 640, 480, "kimcnn", "jpg" },
        { 1280, 720, "lenet", "png" },    // grey input, other aspect ratio
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Training_loader_and_pipeline_give_identical_floats(int width, int height, string architecture, string format)
    {
        InputSpec spec = ModelZoo.Get(architecture).Input;
        string image = WriteDataset(width, height, format);

        var dataset = ImageDataset.Scan(_root);
        var sample = dataset.Samples.Single(s => s.Path == image);
        var loader = new BatchLoader([sample], spec, AugmentationSettings.None, batchSize: 1, shuffle: false, seed: 1, workers: 1);
        float[] training = loader.Epoch(0, CancellationToken.None).Single().Data.ToArray();

        using var preprocessor = new FramePreprocessor(spec);
        var capture = new FrameCapture(SourceSpec.Parse(image), preprocessor, new CaptureSettings());
        var run = capture.Start(CancellationToken.None);
        var frames = new List<FrameSample>();
        await foreach (var frame in capture.Frames.ReadAllAsync()) frames.Add(frame);
        await run;
        float[] pipeline = Assert.Single(frames).Pixels;

        Assert.Equal(spec.Channels * spec.Height * spec.Width, training.Length);
        Assert.Equal(training.Length, pipeline.Length);
        int firstDifference = Enumerable.Range(0, training.Length).FirstOrDefault(i => BitConverter.SingleToInt32Bits(training[i]) != BitConverter.SingleToInt32Bits(pipeline[i]), -1);
        Assert.True(firstDifference < 0, firstDifference < 0 ? "" :
            $"float {firstDifference} differs: training {training[firstDifference]}, pipeline {pipeline[firstDifference]} " +
            $"({Enumerable.Range(0, training.Length).Count(i => training[i] != pipeline[i])} of {training.Length} differ)");
    }

    /// <summary>A synthetic frame as the only image of class 'squat', and another class so the dataset is valid.</summary>
    private string WriteDataset(int width, int height, string format)
    {
        using var session = new SyntheticSession(11, width, height, 20);
        using var frame = new Mat();
        string squat = Directory.CreateDirectory(Path.Combine(_root, "squat")).FullName;
        string idle = Directory.CreateDirectory(Path.Combine(_root, "idle")).FullName;
        session.Render(95, frame);
        string path = Path.Combine(squat, "frame." + format);
        Cv2.ImWrite(path, frame);
        session.Render(5, frame);
        Cv2.ImWrite(Path.Combine(idle, "other." + format), frame);
        return path;
    }
}
