using LiveWorkout.Core.Imaging;
using LiveWorkout.Learning.Packaging;

namespace LiveWorkout.Learning.Data;

/// <summary>Opens a dataset folder of images or clips and makes sure it is split.</summary>
public static class DatasetSource
{
    /// <summary>
    /// Images as they are; clips become frames cached under <paramref name="cacheFolder"/>/frames-*,
    /// cropped to the tracked person for a model with a <paramref name="region"/>.
    /// </summary>
    public static ImageDataset Open(string folder, string cacheFolder, double framesPerSecond, RegionSpec? region = null, TextWriter? log = null) =>
        ClipFrameExtractor.HoldsClips(folder)
            ? ClipFrameExtractor.Extract(folder, cacheFolder, framesPerSecond, region, log)
            : ImageDataset.Scan(folder);

    /// <summary>
    /// Keeps the data's own split where it has one; otherwise a stratified, grouped, seeded split.
    /// Pre-split data without a validation part gets one carved out of train the same way.
    /// </summary>
    public static ImageDataset EnsureSplit(ImageDataset dataset, SplitRatios ratios, int seed)
    {
        if (!dataset.PreSplit) return dataset.WithSamples(DatasetSplitter.Split(dataset.Samples, ratios, seed));
        if (dataset.Samples.Any(s => s.Split == SplitNames.Validation)) return dataset;
        var train = dataset.InSplit(SplitNames.Train).ToArray();
        var carved = DatasetSplitter.Split(train, new SplitRatios(ratios.Train, ratios.Validation, 0), seed);
        return dataset.WithSamples([.. carved, .. dataset.Samples.Where(s => s.Split != SplitNames.Train)]);
    }

    /// <summary>The per-class, per-split table printed before training.</summary>
    public static void PrintCounts(TextWriter output, ImageDataset dataset, IReadOnlyList<DatasetSample> balancedTrain, BalanceMode balance)
    {
        var counts = dataset.Counts();
        int w = Math.Max(8, dataset.Classes.Max(c => c.Length));
        bool showBalanced = balance is BalanceMode.Cap or BalanceMode.Oversample;
        output.WriteLine($"dataset {dataset.Root} ({dataset.Kind}, {(dataset.PreSplit ? "its own split" : "split here")}), {dataset.Samples.Count} images, {dataset.Skipped.Count} skipped");
        output.WriteLine($"{"class".PadRight(w)} {"train",7}{(showBalanced ? $" {balance.ToString().ToLowerInvariant(),10}" : "")} {"val",6} {"test",6}");
        foreach (string cls in dataset.Classes)
        {
            int Of(string split) => counts.First(c => c.Split == split).PerClass[cls];
            string balanced = showBalanced ? $" {balancedTrain.Count(s => s.Class == cls),10}" : "";
            output.WriteLine($"{cls.PadRight(w)} {Of(SplitNames.Train),7}{balanced} {Of(SplitNames.Validation),6} {Of(SplitNames.Test),6}");
        }
        SplitCounts Total(string split) => counts.First(c => c.Split == split);
        output.WriteLine($"{"total".PadRight(w)} {Total(SplitNames.Train).Total,7}{(showBalanced ? $" {balancedTrain.Count,10}" : "")} {Total(SplitNames.Validation).Total,6} {Total(SplitNames.Test).Total,6}");
    }
}
