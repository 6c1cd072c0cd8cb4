using System.Globalization;
using System.Text;
using LiveWorkout.Core;
using LiveWorkout.Synthetic.Motions;
using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>
/// Writes a folder-per-class image dataset of random moments of every class, with manifest.csv.
/// Images come in groups of one person in one scene doing one variant of the exercise (the
/// manifest's activity column: the variant, or the idle activity); a whole group goes to one
/// split, so no person or backdrop is shared between train and test.
/// </summary>
public static class SyntheticImageDataset
{
    /// <summary>The part mixed into a group's seed for the stream that picks its variant.</summary>
    private const int VarietyPart = 0x5E7;

    public const string ManifestHeader = "path,class,split,group,seed,person,camera,azimuth,elevation,mirror,activity";

    public static IReadOnlyList<ManifestRow> Write(string root, ImageDatasetOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        if (options.PerClass < 1) throw new InvalidInputException("--per-class must be at least 1");
        if (options.Format is not ("png" or "jpg")) throw new InvalidInputException($"image format '{options.Format}' is not png or jpg");
        Directory.CreateDirectory(root);
        var rows = new List<ManifestRow>();
        var classes = ExerciseCatalog.Ten;
        using var image = new Mat();
        for (int c = 0; c < classes.Count; c++)
        {
            string name = classes[c];
            int groups = (options.PerClass + options.ImagesPerGroup - 1) / options.ImagesPerGroup;
            var splitOf = AssignSplits(groups, options.Splits, new Random(SeedMix.Of(options.Seed, c, -1)));
            int written = 0;
            for (int g = 0; g < groups; g++)
            {
                cancellation.ThrowIfCancellationRequested();
                int seed = SeedMix.Of(options.Seed, c, g);
                string split = splitOf[g];
                string folder = split.Length > 0 ? Path.Combine(root, split, name) : Path.Combine(root, name);
                Directory.CreateDirectory(folder);
                var rng = new Random(seed);
                var motion = ExerciseCatalog.IsIdle(name)
                    ? new IdleMotion(IdleMotion.Activities[rng.Next(IdleMotion.Activities.Count)])
                    : ExerciseMotion.For(name, MotionVariants.Pick(name, new Random(SeedMix.Of(seed, VarietyPart))));
                var person = SyntheticPerson.Random(rng);
                var spec = SceneSpec.Random(rng, new SceneOptions(OutOfFrameChance: 0.03), motion.UsesBar, motion.IsOnFloor);
                var solver = new BodySolver(person);
                var camera = spec.CameraFor(MotionSampling.Spread(motion, solver, Vec3.Zero), person, options.Width, options.Height);
                using var renderer = new SceneRenderer(person, spec, camera, Vec3.Zero);
                string groupName = $"{name}-{g:D4}";
                string activity = motion is IdleMotion idle ? ToSnake(idle.Activity.ToString()) : motion.Variant;
                for (int k = 0; k < options.ImagesPerGroup && written < options.PerClass; k++, written++)
                {
                    renderer.Render(solver.Solve(MotionSampling.RandomMoment(motion, rng), Vec3.Zero), image, rng);
                    string file = Path.Combine(folder, $"{groupName}-{k}.{options.Format}");
                    Cv2.ImWrite(file, image);
                    rows.Add(new ManifestRow(Path.GetRelativePath(root, file).Replace('\\', '/'), name, split, groupName, seed, seed,
                        ViewName(spec.Azimuth), spec.Azimuth, spec.Elevation, spec.Mirror, activity));
                }
            }
            progress?.Report($"{name}: {written} images in {groups} groups");
        }
        WriteManifest(Path.Combine(root, "manifest.csv"), rows);
        return rows;
    }

    /// <summary>Stratified by class: each class's groups are shuffled and cut by the split fractions (every split gets a group when there are enough).</summary>
    internal static string[] AssignSplits(int groups, IReadOnlyList<double>? fractions, Random rng)
    {
        var result = new string[groups];
        if (fractions is null) { Array.Fill(result, ""); return result; }
        var counts = fractions.Select(f => (int)Math.Floor(f * groups)).ToArray();
        for (int i = 0; i < counts.Length; i++)
            if (counts[i] == 0 && fractions[i] > 0 && groups >= counts.Length) counts[i] = 1;
        while (counts.Sum() > groups) counts[Array.IndexOf(counts, counts.Max())]--;
        counts[0] += groups - counts.Sum();
        var order = Enumerable.Range(0, groups).OrderBy(_ => rng.Next()).ToArray();
        int at = 0;
        for (int s = 0; s < counts.Length; s++)
            for (int n = 0; n < counts[s]; n++) result[order[at++]] = ImageDatasetOptions.SplitNames[s];
        return result;
    }

    internal static void WriteManifest(string path, IEnumerable<ManifestRow> rows)
    {
        var sb = new StringBuilder(ManifestHeader).Append('\n');
        foreach (var r in rows)
            sb.Append(CultureInfo.InvariantCulture,
                $"{r.Path},{r.Class},{r.Split},{r.Group},{r.Seed},{r.Person},{r.Camera},{r.Azimuth:0.#},{r.Elevation:0.#},{(r.Mirror ? 1 : 0)},{r.Activity}\n");
        File.WriteAllText(path, sb.ToString());
    }

    public static string ViewName(double azimuth)
    {
        double a = Math.Abs(azimuth);
        return a < 22 ? "front" : a < 68 ? "three_quarter" : a < 112 ? "side" : a < 158 ? "rear_three_quarter" : "rear";
    }

    private static string ToSnake(string s) =>
        string.Concat(s.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(ch) : ch.ToString()));
}
