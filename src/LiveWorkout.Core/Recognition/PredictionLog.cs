using System.Text;

namespace LiveWorkout.Core.Recognition;

/// <summary>
/// `replay --evaluate --save-predictions`: a clip's frame predictions, embeddings and rep phases
/// included, in a small binary file, so that `--from-predictions` can run the temporal logic
/// again (other <c>Temporal</c> settings) without the model: seconds per clip folder instead of
/// minutes. Little-endian: the magic line, the class names, the media duration in ticks, the
/// embedding width, whether frames carry a phase, the frame count, then per frame its index,
/// time in ticks, probabilities, embedding and (cos, sin).
/// </summary>
public static class PredictionLog
{
    public const string Extension = ".predictions";
    private const string Magic = "LiveWorkout predictions 1\n";

    public static string FileName(string clipName) => Path.GetFileNameWithoutExtension(clipName) + Extension;

    /// <summary>
    /// The one class of a record that holds landmark features and no model's output (the exact
    /// landmarks of `synth clips --exact-landmarks`): only `--reclassify` can score it.
    /// </summary>
    public const string LandmarksOnly = "(landmarks only)";

    /// <summary>A record of <paramref name="frames"/> (index, time, landmark features) with no model's probabilities or rep phases.</summary>
    public static PredictionRecord LandmarksOnlyRecord(TimeSpan mediaDuration, IEnumerable<(long Index, TimeSpan Time, float[] Features)> frames) =>
        new([LandmarksOnly], mediaDuration, [.. frames.Select(f => new FramePrediction(f.Index, f.Time, [0f], f.Features))]);

    public static bool IsLandmarksOnly(PredictionRecord record) => record.Classes is [LandmarksOnly];

    public static void Write(string path, PredictionRecord record)
    {
        int width = record.Predictions.Count > 0 ? record.Predictions[0].Embedding.Length : 0;
        bool phase = record.Predictions.Count > 0 && record.Predictions[0].RepPhase is not null;
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        using var writer = new BinaryWriter(File.Create(path), Encoding.UTF8);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(record.Classes.Count);
        foreach (string c in record.Classes) writer.Write(c);
        writer.Write(record.MediaDuration.Ticks);
        writer.Write(width);
        writer.Write(phase);
        writer.Write(record.Predictions.Count);
        foreach (var p in record.Predictions)
        {
            if (p.Probabilities.Length != record.Classes.Count || p.Embedding.Length != width || (p.RepPhase is not null) != phase || p.RepPhase is { Length: not 2 })
                throw new ArgumentException($"frame {p.Index} does not have the shape of the first frame", nameof(record));
            writer.Write(p.Index);
            writer.Write(p.Time.Ticks);
            foreach (float v in p.Probabilities) writer.Write(v);
            foreach (float v in p.Embedding) writer.Write(v);
            if (p.RepPhase is [var cos, var sin]) { writer.Write(cos); writer.Write(sin); }
        }
    }

    /// <summary>Reads a file <see cref="Write"/> made; anything else is a one-line <see cref="LiveWorkoutException"/>.</summary>
    public static PredictionRecord Read(string path)
    {
        if (!File.Exists(path))
            throw new InvalidInputException($"{path} does not exist: save it first with replay --evaluate --save-predictions");
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic) throw new InvalidDataException("not a predictions file");
            int count = Checked(reader.ReadInt32(), 1, 10_000, "class count");
            var classes = new string[count];
            for (int i = 0; i < count; i++) classes[i] = reader.ReadString();
            var duration = TimeSpan.FromTicks(reader.ReadInt64());
            int width = Checked(reader.ReadInt32(), 0, 1 << 16, "embedding width");
            bool phase = reader.ReadBoolean();
            int frames = Checked(reader.ReadInt32(), 0, int.MaxValue, "frame count");
            var predictions = new List<FramePrediction>(Math.Min(frames, 1 << 20));
            for (int f = 0; f < frames; f++)
            {
                long index = reader.ReadInt64();
                var time = TimeSpan.FromTicks(reader.ReadInt64());
                var probabilities = Floats(reader, count);
                var embedding = Floats(reader, width);
                float[]? repPhase = phase ? Floats(reader, 2) : null;
                predictions.Add(new FramePrediction(index, time, probabilities, embedding, repPhase));
            }
            if (reader.BaseStream.Position != reader.BaseStream.Length) throw new InvalidDataException("data after the last frame");
            return new PredictionRecord(classes, duration, predictions);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException)
        {
            string why = e is EndOfStreamException ? "it ends early" : e.Message;
            throw new InvalidInputException($"{path} is not a predictions file replay can read ({why}); save it again with replay --evaluate --save-predictions");
        }
    }

    private static int Checked(int value, int min, int max, string what) =>
        value >= min && value <= max ? value : throw new InvalidDataException($"{what} {value} out of range");

    private static float[] Floats(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = reader.ReadSingle();
        return values;
    }
}
