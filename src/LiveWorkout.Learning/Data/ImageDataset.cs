using LiveWorkout.Core;
using OpenCvSharp;

namespace LiveWorkout.Learning.Data;

/// <summary>
/// Labelled images found on disk: folder per class (jpg, png, bmp, webp), optionally already
/// split into train/val/test folders, optionally described by a manifest.csv
/// (path,class,split,group,...) that groups samples. Unreadable files are skipped and listed.
/// </summary>
public sealed class ImageDataset
{
    public const string ManifestFile = "manifest.csv";
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".bmp", ".webp" };

    public ImageDataset(string root, string kind, IReadOnlyList<string> classes, IReadOnlyList<DatasetSample> samples, IReadOnlyList<SkippedFile> skipped, bool preSplit)
    {
        Root = root;
        Kind = kind;
        Classes = classes;
        Samples = samples;
        Skipped = skipped;
        PreSplit = preSplit;
    }

    public string Root { get; }
    /// <summary>"images", "images+manifest" or "clips".</summary>
    public string Kind { get; }
    /// <summary>Class names in label order (sorted by name, like torchvision's ImageFolder).</summary>
    public IReadOnlyList<string> Classes { get; }
    public IReadOnlyList<DatasetSample> Samples { get; }
    public IReadOnlyList<SkippedFile> Skipped { get; }
    /// <summary>True when every sample's split came from the data (folders or manifest).</summary>
    public bool PreSplit { get; }

    public IEnumerable<DatasetSample> InSplit(string split) => Samples.Where(s => s.Split == split);

    public static bool IsImage(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>Scans <paramref name="root"/>; fails with one line when nothing usable is there.</summary>
    public static ImageDataset Scan(string root)
    {
        if (!Directory.Exists(root)) throw new InvalidInputException($"dataset folder '{root}' not found: give a folder with one subfolder per class");
        root = Path.GetFullPath(root);
        var skipped = new List<SkippedFile>();
        var found = new List<(string Path, string Class, string Split, string Group)>();
        string kind;
        bool preSplit;

        string manifest = Path.Combine(root, ManifestFile);
        if (File.Exists(manifest))
        {
            kind = "images+manifest";
            found.AddRange(ReadManifest(root, manifest, skipped));
            preSplit = found.Count > 0 && found.All(f => f.Split.Length > 0);
        }
        else
        {
            kind = "images";
            var splitFolders = Directory.EnumerateDirectories(root).Where(d => SplitNames.Parse(Path.GetFileName(d)) is not null).ToList();
            preSplit = splitFolders.Count > 0;
            if (preSplit)
                foreach (string folder in splitFolders)
                    found.AddRange(ScanClassFolders(root, folder, SplitNames.Parse(Path.GetFileName(folder))!));
            else
                found.AddRange(ScanClassFolders(root, root, ""));
        }

        var usable = new List<(string Path, string Class, string Split, string Group)>();
        foreach (var f in found)
        {
            string? problem = Problem(f.Path);
            if (problem is null) usable.Add(f);
            else skipped.Add(new SkippedFile(f.Path, problem));
        }
        if (usable.Count == 0)
            throw new InvalidInputException(skipped.Count > 0
                ? $"dataset '{root}' has no readable images ({skipped.Count} files skipped, first: {skipped[0].Path}: {skipped[0].Reason})"
                : $"dataset '{root}' has no images: expected <class>/<image>.jpg|png|bmp|webp (or train/, val/, test/ folders of those, or a {ManifestFile})");

        var classes = usable.Select(f => f.Class).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (classes.Length < 2) throw new InvalidInputException($"dataset '{root}' has only class '{classes[0]}': a classifier needs at least 2 class folders");
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var samples = usable.Select(f => new DatasetSample(f.Path, f.Class, index[f.Class], f.Group, f.Split)).ToArray();
        return new ImageDataset(root, kind, classes, samples, skipped, preSplit);
    }

    /// <summary>Why a file cannot be used, or null. Checks the signature, not a full decode (the loader catches the rest).</summary>
    internal static string? Problem(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return "missing";
            if (info.Length == 0) return "empty file";
            return Cv2.HaveImageReader(path) ? null : "not a readable image";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OpenCVException)
        {
            return e.Message.Split('\n')[0];
        }
    }

    private static IEnumerable<(string, string, string, string)> ScanClassFolders(string root, string folder, string split)
    {
        foreach (string classFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            string cls = Path.GetFileName(classFolder);
            if (cls.StartsWith('.')) continue;
            foreach (string file in Directory.EnumerateFiles(classFolder, "*", SearchOption.AllDirectories).Where(IsImage).Order(StringComparer.Ordinal))
                yield return (file, cls, split, GroupOf(Path.GetRelativePath(root, file)));
        }
    }

    /// <summary>
    /// Files named <c>name__0.jpg</c>, <c>name__1.jpg</c> are shots of one thing (e.g. an exercise's start and end
    /// photo) and form the group <c>name</c>; any other file is its own group.
    /// </summary>
    internal static string GroupOf(string relativePath)
    {
        string stem = Path.GetFileNameWithoutExtension(relativePath);
        int cut = stem.LastIndexOf("__", StringComparison.Ordinal);
        if (cut <= 0 || cut + 2 >= stem.Length || !stem[(cut + 2)..].All(char.IsAsciiDigit)) return relativePath;
        return Path.Combine(Path.GetDirectoryName(relativePath) ?? "", stem[..cut]);
    }

    private static List<(string, string, string, string)> ReadManifest(string root, string manifest, List<SkippedFile> skipped)
    {
        var lines = File.ReadAllLines(manifest);
        if (lines.Length == 0) throw new InvalidInputException($"{manifest} is empty: it needs a header with path,class (and optional split,group)");
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int path = Array.IndexOf(header, "path"), cls = Array.IndexOf(header, "class"), split = Array.IndexOf(header, "split"), group = Array.IndexOf(header, "group");
        if (path < 0 || cls < 0) throw new InvalidInputException($"{manifest} needs columns 'path' and 'class' in its header (found: {lines[0]})");
        var rows = new List<(string, string, string, string)>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var cells = lines[i].Split(',');
            if (cells.Length <= Math.Max(path, cls)) { skipped.Add(new SkippedFile($"{manifest}:{i + 1}", "too few columns")); continue; }
            string file = Path.GetFullPath(Path.Combine(root, cells[path].Trim()));
            string splitValue = split >= 0 && split < cells.Length ? SplitNames.Parse(cells[split]) ?? "" : "";
            string groupValue = group >= 0 && group < cells.Length && cells[group].Trim().Length > 0 ? cells[group].Trim() : cells[path].Trim();
            rows.Add((file, cells[cls].Trim(), splitValue, groupValue));
        }
        return rows;
    }

    /// <summary>Images per class in each split, for the summary printed before training.</summary>
    public IReadOnlyList<Packaging.SplitCounts> Counts(IEnumerable<DatasetSample>? samples = null)
    {
        var all = (samples ?? Samples).ToList();
        return SplitNames.All.Select(split => new Packaging.SplitCounts(split,
            Classes.ToDictionary(c => c, c => all.Count(s => s.Split == split && s.Class == c)))).ToArray();
    }

    public ImageDataset WithSamples(IReadOnlyList<DatasetSample> samples, bool? preSplit = null) =>
        new(Root, Kind, Classes, samples, Skipped, preSplit ?? PreSplit);
}
