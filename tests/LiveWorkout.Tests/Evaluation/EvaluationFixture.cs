using LiveWorkout.Tests.Pipeline;
using LiveWorkout.Synthetic;

namespace LiveWorkout.Tests.Evaluation;

/// <summary>
/// A real (untrained, seeded) model package and two small labelled clips of the synthetic
/// world, each holding one set: enough to run `replay --evaluate` end to end in seconds.
/// </summary>
public sealed class EvaluationFixture : IDisposable
{
    public EvaluationFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("lw-evaluate-").FullName;
        Pipeline = new PipelineFixture();

        ClipFolder = Path.Combine(Directory, "clips");
        // Seeds whose 15 s sessions hold one whole set (knee push-up ×4, running ×8).
        Clips = new[] { SeedMix.Of(1, 58), SeedMix.Of(1, 18) }
            .Select((seed, i) => SyntheticClipWriter.Write(Path.Combine(ClipFolder, $"session-{i}.mp4"), seed, new ClipOptions(64, 48, 15, 30)))
            .ToList();
    }

    public string Directory { get; }

    /// <summary>The pipeline fixture's model package (untrained, seeded, the shipped models' classes).</summary>
    public string ModelPath => Pipeline.ModelPath;
    public string ClipFolder { get; }
    public IReadOnlyList<WrittenClip> Clips { get; }

    /// <summary>Bouncing-disc clips for tests that only need some video.</summary>
    public PipelineFixture Pipeline { get; }

    /// <summary>A fresh empty folder under the fixture's.</summary>
    public string NewFolder(string name) => System.IO.Directory.CreateDirectory(Path.Combine(Directory, name)).FullName;

    public void Dispose()
    {
        Pipeline.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
