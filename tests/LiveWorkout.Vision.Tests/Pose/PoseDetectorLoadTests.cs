using LiveWorkout.Core;
using LiveWorkout.Vision.Pose;

namespace LiveWorkout.Vision.Tests.Pose;

public sealed class PoseDetectorLoadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lw-pose-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_missing_file_is_one_line_that_says_to_restore_the_models()
    {
        string path = Path.Combine(_dir, "nope.tflite");
        AssertOneLine(Assert.ThrowsAny<LiveWorkoutException>(() => PoseDetector.Load(path)), path, "not found");
    }

    [Fact]
    public void Empty_truncated_and_random_files_are_one_line_errors_not_crashes()
    {
        byte[] original = File.ReadAllBytes(PoseModelFiles.Detector);
        var random = new byte[100_000];
        new Random(9).NextBytes(random);
        var cases = new (string Name, byte[] Bytes, string Says)[]
        {
            ("empty", [], "not a usable TFLite"),
            ("header-only", original[..8], "not a usable TFLite"),
            ("half", original[..(original.Length / 2)], "not a usable TFLite"),
            ("random", random, "TFL3"),
            ("random-with-identifier", [.. random[..4], .. "TFL3"u8, .. random[8..]], "not a usable TFLite"),
        };
        foreach (var (name, bytes, says) in cases)
        {
            string path = Path.Combine(_dir, name + ".tflite");
            File.WriteAllBytes(path, bytes);
            AssertOneLine(Assert.ThrowsAny<LiveWorkoutException>(() => PoseDetector.Load(path)), path, says);
        }
    }

    [Fact]
    public void Damaged_structure_gives_a_one_line_error_or_a_working_detector_never_a_crash()
    {
        // Bytes changed in the model's tables and offsets (its end) and in its weights (its start).
        byte[] original = File.ReadAllBytes(PoseModelFiles.Detector);
        var rng = new Random(7);
        string path = Path.Combine(_dir, "damaged.tflite");
        using var frame = new OpenCvSharp.Mat(120, 160, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.All(90));
        for (int t = 0; t < 30; t++)
        {
            var bytes = (byte[])original.Clone();
            for (int k = 0; k < 2; k++)
                bytes[rng.Next(2) == 0 ? rng.Next(4096) : bytes.Length - 1 - rng.Next(200_000)] = (byte)rng.Next(256);
            File.WriteAllBytes(path, bytes);
            try
            {
                using var detector = PoseDetector.Load(path);
                detector.Detect(frame);
            }
            catch (LiveWorkoutException e)
            {
                AssertOneLine(e, path, "restore models/pose");
            }
        }
    }

    [Fact]
    public void The_landmark_model_in_place_of_the_detector_is_named_as_the_wrong_model()
    {
        string path = PoseModelFiles.Landmark;
        AssertOneLine(Assert.ThrowsAny<LiveWorkoutException>(() => PoseDetector.Load(path)), path, "not the BlazePose detector");
    }

    private static void AssertOneLine(LiveWorkoutException e, string path, string says)
    {
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.Contains("restore models/pose", e.Message, StringComparison.Ordinal);
    }
}
