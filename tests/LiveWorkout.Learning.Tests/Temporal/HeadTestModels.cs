namespace LiveWorkout.Learning.Tests.Temporal;

/// <summary>The small model and head shape that the temporal- and phase-head tests build packages from.</summary>
internal static class HeadTestModels
{
    public static readonly string[] Classes = ["squat", "plank", "idle"];
    public static readonly InputSpec Small = ModelZoo.Get(ModelZoo.OursName).Input with { Width = 32, Height = 32 };

    /// <summary>6 embeddings 0.2 s apart, 16 wide, the classified frame 0.4 s before the newest.</summary>
    public static readonly TemporalHeadSpec Spec = new(6, 0.2, 16, 0.4);

    /// <summary>
    /// Saves a package of the small model with an untrained head of <paramref name="spec"/> (and a
    /// phase head of the same windows when <paramref name="phaseHead"/>) to <paramref name="folder"/>,
    /// then replaces <paramref name="find"/> in its model.json with <paramref name="replace"/>.
    /// </summary>
    public static void SaveWithEditedManifest(string folder, TemporalHeadSpec spec, bool phaseHead, string find, string replace)
    {
        using (var package = ModelPackage.Create(ModelZoo.OursName, Classes, Small))
        {
            package.AttachHead(new TemporalHead(256, Classes.Length, spec), new Dictionary<string, double>(),
                phaseHead ? new TemporalHead(256, ModelPackage.PhaseOutputs, spec) : null);
            package.Save(folder);
        }
        string manifest = Path.Combine(folder, ModelPackage.ManifestFile);
        string text = File.ReadAllText(manifest);
        Assert.Contains(find, text);
        File.WriteAllText(manifest, text.Replace(find, replace));
    }
}
