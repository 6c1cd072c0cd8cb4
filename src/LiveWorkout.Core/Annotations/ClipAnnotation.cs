using System.Globalization;
using System.Text;

namespace LiveWorkout.Core.Annotations;

/// <summary>
/// The labels of a clip, stored beside it as <c>&lt;clip&gt;.labels.csv</c> with the header
/// <c>start_s,end_s,exercise,reps,rep_times_s</c> (rep_times_s optional, ';'-separated seconds).
/// Time outside every row is idle.
/// </summary>
public sealed class ClipAnnotation
{
    public const string Header = "start_s,end_s,exercise,reps,rep_times_s";

    public ClipAnnotation(IEnumerable<AnnotatedSet> sets)
    {
        Sets = sets.OrderBy(s => s.Start).ToList();
        for (int i = 1; i < Sets.Count; i++)
            if (Sets[i].Start < Sets[i - 1].End)
                throw new InvalidInputException($"labelled sets overlap at {Sets[i].Start.TotalSeconds:0.###} s ({Sets[i - 1].Exercise} and {Sets[i].Exercise})");
    }

    public IReadOnlyList<AnnotatedSet> Sets { get; }

    /// <summary>The annotation file that belongs beside a clip: clip.mp4 → clip.labels.csv.</summary>
    public static string PathFor(string clipPath) =>
        Path.Combine(Path.GetDirectoryName(clipPath) ?? "", Path.GetFileNameWithoutExtension(clipPath) + ".labels.csv");

    /// <summary>The label at a time: the exercise of the set covering it, else idle.</summary>
    public string LabelAt(TimeSpan time) => SetAt(time)?.Exercise ?? ExerciseCatalog.Idle;

    /// <summary>The set covering a time, or null (idle).</summary>
    public AnnotatedSet? SetAt(TimeSpan time)
    {
        foreach (var s in Sets)
            if (time >= s.Start && time < s.End) return s;
        return null;
    }

    public static ClipAnnotation Load(string path)
    {
        if (!File.Exists(path)) throw new StorageException($"no labels file at {path}: write one with header '{Header}'");
        var lines = File.ReadAllLines(path);
        return Parse(lines, path);
    }

    public static ClipAnnotation Parse(IReadOnlyList<string> lines, string source = "labels")
    {
        var sets = new List<AnnotatedSet>();
        for (int n = 0; n < lines.Count; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith('#') || (n == 0 && line.StartsWith("start", StringComparison.OrdinalIgnoreCase))) continue;
            string[] f = line.Split(',');
            if (f.Length < 4)
                throw new InvalidInputException($"{source} line {n + 1}: expected start_s,end_s,exercise,reps[,rep_times_s], got '{line}'");
            double start = Number(f[0], source, n), end = Number(f[1], source, n);
            if (end <= start) throw new InvalidInputException($"{source} line {n + 1}: end {end} is not after start {start}");
            if (!int.TryParse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out int reps) || reps < 0)
                throw new InvalidInputException($"{source} line {n + 1}: reps '{f[3]}' is not a whole number");
            var repTimes = f.Length > 4 && f[4].Trim().Length > 0
                ? f[4].Split(';').Select(t => TimeSpan.FromSeconds(Number(t, source, n))).ToList()
                : new List<TimeSpan>();
            sets.Add(new AnnotatedSet(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end), f[2].Trim(), reps, repTimes));
        }
        return new ClipAnnotation(sets);
    }

    public void Save(string path) => File.WriteAllText(path, ToCsv());

    public string ToCsv()
    {
        var sb = new StringBuilder().Append(Header).Append('\n');
        foreach (var s in Sets)
        {
            sb.Append(Seconds(s.Start)).Append(',').Append(Seconds(s.End)).Append(',').Append(s.Exercise).Append(',')
              .Append(s.Reps.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(string.Join(';', s.RepTimes.Select(Seconds))).Append('\n');
        }
        return sb.ToString();
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static double Number(string s, string source, int line) =>
        double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v >= 0
            ? v
            : throw new InvalidInputException($"{source} line {line + 1}: '{s}' is not a time in seconds");
}
