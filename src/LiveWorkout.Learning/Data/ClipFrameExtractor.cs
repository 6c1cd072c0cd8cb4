using System.Globalization;
using System.Text;
using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Vision.Capture;
using LiveWorkout.Vision.Preprocessing;
using OpenCvSharp;

namespace LiveWorkout.Learning.Data;

/// <summary>
/// Turns labelled clips (<c>&lt;class&gt;/&lt;clip&gt;.mp4</c>, optionally under train/val/test) into
/// a frame dataset: every n-th frame (n from the clip's fps and the wanted frames per second) is
/// written as JPEG into a cache folder with a manifest.csv whose group is the clip, so all
/// frames of one clip stay in one split. A cache already made for the same rate is reused.
/// With a <see cref="RegionSpec"/> the person tracker watches each clip from its start and the
/// frames written are its regions, as replay would crop them for a model with that spec.
/// </summary>
public static class ClipFrameExtractor
{
    private static readonly HashSet<string> VideoExtensions = new(StringComparer.OrdinalIgnoreCase) { ".mp4", ".avi", ".mov", ".mkv", ".webm", ".m4v" };

    public static bool IsVideo(string path) => VideoExtensions.Contains(Path.GetExtension(path));

    /// <summary>True when the folder holds clips and no images (then it is a clip dataset).</summary>
    public static bool HoldsClips(string root) =>
        Directory.Exists(root)
        && !File.Exists(Path.Combine(root, ImageDataset.ManifestFile))
        && Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any(IsVideo)
        && !Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any(ImageDataset.IsImage);

    /// <summary>Extracts (or reuses) frames; returns the frame dataset with unreadable clips listed as skipped.</summary>
    public static ImageDataset Extract(string root, string cache, double framesPerSecond, RegionSpec? region = null, TextWriter? log = null)
    {
        root = Path.GetFullPath(root);
        string folder = Path.Combine(cache, string.Create(CultureInfo.InvariantCulture, $"frames-{framesPerSecond:0.###}fps{(region is null ? "" : "-region")}"));
        string manifest = Path.Combine(folder, ImageDataset.ManifestFile);
        string skippedList = Path.Combine(folder, "skipped-clips.csv");
        if (!File.Exists(manifest))
        {
            Directory.CreateDirectory(folder);
            var rows = new StringBuilder("path,class,split,group\n");
            var skipped = new StringBuilder();
            int clips = 0;
            foreach (string clip in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(IsVideo).Order(StringComparer.Ordinal))
            {
                var parts = Path.GetRelativePath(root, clip).Split(Path.DirectorySeparatorChar);
                if (parts.Length < 2) continue; // a clip outside any class folder has no label
                string cls = parts[^2];
                string split = parts.Length >= 3 ? SplitNames.Parse(parts[^3]) ?? "" : "";
                string group = string.Join('/', parts[..^1]) + "/" + Path.GetFileNameWithoutExtension(clip);
                string outDir = Path.Combine(folder, Path.Combine(parts[..^1]), Path.GetFileNameWithoutExtension(clip));
                int written = WriteFrames(clip, outDir, framesPerSecond, region, (file) =>
                    rows.Append(Csv(Path.GetRelativePath(folder, file))).Append(',').Append(Csv(cls)).Append(',').Append(split).Append(',').Append(Csv(group)).Append('\n'));
                if (written == 0) skipped.Append(Csv(clip)).Append(",no frames could be read\n");
                if (++clips % 50 == 0) log?.WriteLine($"extracted frames of {clips} clips...");
            }
            File.WriteAllText(skippedList, skipped.ToString());
            File.WriteAllText(manifest, rows.ToString());
        }
        var dataset = ImageDataset.Scan(folder);
        var clipSkips = File.Exists(skippedList)
            ? File.ReadAllLines(skippedList).Where(l => l.Length > 0).Select(l => new SkippedFile(l[..l.LastIndexOf(',')], l[(l.LastIndexOf(',') + 1)..]))
            : [];
        return new ImageDataset(root, "clips", dataset.Classes, dataset.Samples, [.. clipSkips, .. dataset.Skipped], dataset.PreSplit);
    }

    private static int WriteFrames(string clip, string outDir, double framesPerSecond, RegionSpec? region, Action<string> added)
    {
        using var tracker = region is null ? null : new MotionRegionTracker(region);
        IFrameReader reader;
        try
        {
            reader = FrameReaders.OpenFile(clip);
        }
        catch (LiveWorkoutException)
        {
            return 0; // listed as skipped by the caller
        }
        using var _ = reader;
        int step = Math.Max(1, (int)Math.Round(reader.Fps / framesPerSecond));
        Directory.CreateDirectory(outDir);
        using var frame = new Mat();
        int index = 0, written = 0;
        while (reader.Read(frame) && !frame.Empty())
        {
            Rect? area = tracker?.Observe(frame, reader.MediaTimeOf(index));
            if (index % step == 0)
            {
                string file = Path.Combine(outDir, $"{index:D6}.jpg");
                using (var part = new Mat(frame, area ?? new Rect(0, 0, frame.Width, frame.Height)))
                    Cv2.ImWrite(file, part, new ImageEncodingParam(ImwriteFlags.JpegQuality, 92));
                added(file);
                written++;
            }
            index++;
        }
        return written;
    }

    private static string Csv(string value)
    {
        if (value.Contains(',', StringComparison.Ordinal)) throw new InvalidInputException($"'{value}' contains a comma; rename it (manifest.csv cannot hold it)");
        return value;
    }
}
