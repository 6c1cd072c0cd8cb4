using LiveWorkout.Learning.Data;
using LiveWorkout.Vision.Augmentation;
using OpenCvSharp;

namespace LiveWorkout.Learning.Tests.Data;

public sealed class DatasetTests : IDisposable
{
    private readonly TinyDataset _data = new(perClass: 12);

    [Fact]
    public void Corrupt_and_empty_images_are_skipped_and_counted()
    {
        File.WriteAllBytes(Path.Combine(_data.Root, "circle", "broken.jpg"), [1, 2, 3, 4, 5, 6, 7, 8]);
        File.WriteAllBytes(Path.Combine(_data.Root, "square", "empty.png"), []);
        File.WriteAllText(Path.Combine(_data.Root, "square", "notes.txt"), "not an image, not counted");

        var dataset = ImageDataset.Scan(_data.Root);

        Assert.Equal(TinyDataset.Classes, dataset.Classes);
        Assert.Equal(36, dataset.Samples.Count);
        Assert.Equal(2, dataset.Skipped.Count);
        Assert.Contains(dataset.Skipped, s => s.Path.EndsWith("broken.jpg", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_with_nothing_readable_is_a_clear_error()
    {
        string root = Path.Combine(_data.Root, "only-broken");
        Directory.CreateDirectory(Path.Combine(root, "a"));
        File.WriteAllBytes(Path.Combine(root, "a", "x.jpg"), [0, 1, 2]);
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => ImageDataset.Scan(root));
        Assert.Contains("no readable images", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decode_failure_at_load_time_is_left_out_and_recorded()
    {
        // A valid PNG signature with a truncated body passes the scan but cannot be decoded.
        string path = Path.Combine(_data.Root, "circle", "circle_000.png");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);
        var dataset = ImageDataset.Scan(_data.Root);
        var input = ModelZoo.Get(ModelZoo.OursName).Input with { Width = 16, Height = 16 };
        var loader = new BatchLoader(dataset.Samples, input, AugmentationSettings.None, 8, shuffle: false, seed: 1, workers: 2);
        int loaded = loader.Epoch(0, CancellationToken.None).Sum(b => b.Count);
        Assert.Equal(dataset.Samples.Count - loader.DecodeFailures.Count, loaded);
        Assert.Contains(loader.DecodeFailures, f => f.Path == path);
    }

    [Fact]
    public void Grouped_split_never_separates_a_group_and_is_stratified()
    {
        // 10 groups of 4 per class, like frames of clips.
        var samples = Enumerable.Range(0, 3).SelectMany(c => Enumerable.Range(0, 40).Select(i =>
            new DatasetSample($"/x/{c}/{i}.png", $"class{c}", c, $"class{c}/clip{i / 4}"))).ToArray();

        var split = DatasetSplitter.Split(samples, SplitRatios.Default, seed: 5);

        Assert.All(split.GroupBy(s => s.Group), g => Assert.Single(g.Select(s => s.Split).Distinct()));
        foreach (var perClass in split.GroupBy(s => s.Class))
        {
            Assert.Equal(32, perClass.Count(s => s.Split == SplitNames.Train));
            Assert.Equal(4, perClass.Count(s => s.Split == SplitNames.Validation));
            Assert.Equal(4, perClass.Count(s => s.Split == SplitNames.Test));
        }
        Assert.Equal(split.Select(s => s.Split), DatasetSplitter.Split(samples, SplitRatios.Default, seed: 5).Select(s => s.Split));
    }

    [Fact]
    public void A_manifest_gives_groups_and_splits()
    {
        var lines = new List<string> { "path,class,split,group,extra" };
        foreach (string cls in TinyDataset.Classes)
            for (int i = 0; i < 12; i++)
                lines.Add($"{cls}/{cls}_{i:D3}.png,{cls},,{cls}-g{i / 3},x");
        File.WriteAllLines(Path.Combine(_data.Root, ImageDataset.ManifestFile), lines);

        var dataset = DatasetSource.EnsureSplit(ImageDataset.Scan(_data.Root), SplitRatios.Default, 3);

        Assert.Equal("images+manifest", dataset.Kind);
        Assert.Equal(12, dataset.Samples.Select(s => s.Group).Distinct().Count());
        Assert.All(dataset.Samples.GroupBy(s => s.Group), g => Assert.Single(g.Select(s => s.Split).Distinct()));
    }

    [Fact]
    public void Pre_split_folders_are_honoured()
    {
        foreach (string split in new[] { "train", "val", "test" })
            foreach (string cls in TinyDataset.Classes)
            {
                Directory.CreateDirectory(Path.Combine(_data.Root, "presplit", split, cls));
                TinyDataset.Draw(Path.Combine(_data.Root, "presplit", split, cls, "a.png"), cls, 24, new Random(1));
            }
        var dataset = ImageDataset.Scan(Path.Combine(_data.Root, "presplit"));
        Assert.True(dataset.PreSplit);
        Assert.All(SplitNames.All, s => Assert.Equal(3, dataset.InSplit(s).Count()));
    }

    [Fact]
    public void Photo_pairs_named_double_underscore_share_a_group()
    {
        Assert.Equal(Path.Combine("squat", "Goblet_Squat"), ImageDataset.GroupOf(Path.Combine("squat", "Goblet_Squat__1.jpg")));
        Assert.Equal(Path.Combine("squat", "plain.jpg"), ImageDataset.GroupOf(Path.Combine("squat", "plain.jpg")));
    }

    [Fact]
    public void Clips_become_frames_grouped_by_clip()
    {
        string root = Path.Combine(_data.Root, "clips");
        foreach (string cls in new[] { "squat", "plank" })
        {
            Directory.CreateDirectory(Path.Combine(root, cls));
            for (int clip = 0; clip < 3; clip++)
            {
                using var writer = new VideoWriter(Path.Combine(root, cls, $"clip{clip}.avi"), FourCC.MJPG, 10, new Size(32, 24));
                using var frame = new Mat(24, 32, MatType.CV_8UC3, cls == "squat" ? Scalar.Red : Scalar.Blue);
                for (int i = 0; i < 20; i++) writer.Write(frame);
            }
        }
        File.WriteAllBytes(Path.Combine(root, "squat", "broken.avi"), new byte[100]); // neither OpenCV nor ffmpeg reads it
        Assert.True(ClipFrameExtractor.HoldsClips(root));

        var dataset = ClipFrameExtractor.Extract(root, Path.Combine(_data.Root, "cache"), framesPerSecond: 2);

        Assert.Equal("broken.avi", Path.GetFileName(Assert.Single(dataset.Skipped).Path));
        Assert.Equal("clips", dataset.Kind);
        Assert.Equal(["plank", "squat"], dataset.Classes);
        Assert.Equal(6, dataset.Samples.Select(s => s.Group).Distinct().Count());
        Assert.Equal(6 * 4, dataset.Samples.Count); // 20 frames at 10 fps, every 5th frame
        var split = DatasetSource.EnsureSplit(dataset, SplitRatios.Default, 1);
        Assert.All(split.Samples.GroupBy(s => s.Group), g => Assert.Single(g.Select(s => s.Split).Distinct()));
    }

    [Fact]
    public void Clips_for_a_model_that_crops_to_the_person_become_the_trackers_regions()
    {
        string root = Path.Combine(_data.Root, "moving");
        Directory.CreateDirectory(Path.Combine(root, "squat"));
        Directory.CreateDirectory(Path.Combine(root, "plank"));
        foreach (string cls in new[] { "squat", "plank" })
        {
            using var writer = new VideoWriter(Path.Combine(root, cls, "clip.avi"), FourCC.MJPG, 10, new Size(160, 120));
            using var frame = new Mat();
            for (int i = 0; i < 60; i++)
            {
                frame.Create(120, 160, MatType.CV_8UC3);
                frame.SetTo(Scalar.All(80));
                Cv2.Rectangle(frame, new Rect(120 + (i % 4 < 2 ? 8 : -8), 40, 12, 30), Scalar.All(250), -1);
                writer.Write(frame);
            }
        }

        var whole = ClipFrameExtractor.Extract(root, Path.Combine(_data.Root, "cache"), framesPerSecond: 2);
        var cropped = ClipFrameExtractor.Extract(root, Path.Combine(_data.Root, "cache"), framesPerSecond: 2, new RegionSpec());

        Assert.Equal(whole.Samples.Count, cropped.Samples.Count);
        Assert.DoesNotContain(whole.Samples, s => cropped.Samples.Any(c => c.Path == s.Path)); // their own cache folders
        Size SizeOf(string path) { using var image = Cv2.ImRead(path); return image.Size(); }
        Assert.All(whole.Samples, s => Assert.Equal(new Size(160, 120), SizeOf(s.Path)));
        var late = cropped.Samples.Where(s => !s.Path.EndsWith("000000.jpg", StringComparison.Ordinal)).Select(s => SizeOf(s.Path)).ToList();
        Assert.NotEmpty(late);
        Assert.All(late, size => Assert.True(size.Width == size.Height && size.Width < 120, $"{size} is not a square region"));
    }

    [Fact]
    public void Balancing_caps_oversamples_or_weights()
    {
        var train = Enumerable.Range(0, 10).Select(i => new DatasetSample($"{i}", "a", 0, $"{i}"))
            .Concat(Enumerable.Range(0, 4).Select(i => new DatasetSample($"b{i}", "b", 1, $"b{i}"))).ToArray();
        Assert.Equal(8, ClassBalancer.Apply(train, BalanceMode.Cap, 4, 1).Count);
        Assert.Equal(20, ClassBalancer.Apply(train, BalanceMode.Oversample, 0, 1).Count);
        Assert.Equal([0.7f, 1.75f], ClassBalancer.LossWeights(train, 2, BalanceMode.Weighted)!);
    }

    [Fact]
    public void Batches_and_augmentation_are_deterministic_per_seed_whatever_the_worker_count()
    {
        var dataset = ImageDataset.Scan(_data.Root);
        var input = ModelZoo.Get(ModelZoo.OursName).Input with { Width = 24, Height = 24 };
        float[] Pixels(int seed, int workers) =>
            new BatchLoader(dataset.Samples, input, AugmentationSettings.Full, 5, shuffle: true, seed, workers).Epoch(2, CancellationToken.None).SelectMany(b => b.Data.ToArray()).ToArray();

        var a = Pixels(seed: 9, workers: 1);
        Assert.Equal(a, Pixels(seed: 9, workers: 3));
        Assert.NotEqual(a, Pixels(seed: 10, workers: 1));
    }

    [Fact]
    public void The_augmenter_gives_the_same_image_for_the_same_seed()
    {
        using var source = Cv2.ImRead(Path.Combine(_data.Root, "circle", "circle_001.png"));
        using var augmenter = new ImageAugmenter(AugmentationSettings.Full);
        using var a = new Mat();
        using var b = new Mat();
        using var c = new Mat();
        augmenter.Apply(source, a, new Random(4));
        augmenter.Apply(source, b, new Random(4));
        augmenter.Apply(source, c, new Random(5));
        Assert.Equal(0, Cv2.Norm(a, b, NormTypes.L1));
        Assert.NotEqual(0, Cv2.Norm(a, c, NormTypes.L1));
        Assert.Equal(source.Size(), a.Size());
    }

    public void Dispose() => _data.Dispose();
}
