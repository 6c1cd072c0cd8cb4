using System.Text;
using LiveWorkout.Core;
using LiveWorkout.Core.Pose;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>
/// Reads and writes a <see cref="PoseClip"/> as one binary file (<c>.pose</c>): rendering and the
/// pose stage take far longer than training, so <c>synth pose</c> keeps their output for
/// <c>train-landmarks --pose-data</c> to read as often as needed.
/// </summary>
public static class PoseClipFile
{
    public const string Extension = ".pose";
    private const string Magic = "LWPOSE";
    private const int Version = 1;

    public static void Write(string path, PoseClip clip)
    {
        string temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(clip.Clip);
            writer.Write(clip.Count);
            writer.Write(PoseFrame.Length);
            var names = clip.Labels.Distinct(StringComparer.Ordinal).ToList();
            writer.Write(names.Count);
            foreach (string name in names) writer.Write(name);
            foreach (string label in clip.Labels) writer.Write((byte)names.IndexOf(label));
            foreach (double t in clip.Times) writer.Write(t);
            foreach (float v in clip.PhaseTargets) writer.Write(v);
            foreach (float v in clip.Frames) writer.Write(v);
        }
        // Written whole or not at all: a stopped run leaves no half file that would read as a clip.
        File.Move(temporary, path, overwrite: true);
    }

    public static PoseClip Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Magic) throw Unreadable(path, "it is not a pose clip");
            int version = reader.ReadInt32();
            if (version != Version) throw Unreadable(path, $"it is version {version}, this build reads {Version}");
            string clip = reader.ReadString();
            int count = reader.ReadInt32(), length = reader.ReadInt32();
            if (length != PoseFrame.Length) throw Unreadable(path, $"it has {length} values a frame, not {PoseFrame.Length}");
            if (count < 0 || (long)count * length * 4 > stream.Length) throw Unreadable(path, "it is cut short");
            var names = new string[reader.ReadInt32()];
            for (int i = 0; i < names.Length; i++) names[i] = reader.ReadString();
            var labels = new string[count];
            for (int i = 0; i < count; i++)
            {
                int k = reader.ReadByte();
                if (k >= names.Length) throw Unreadable(path, "a label is out of range");
                labels[i] = names[k];
            }
            var times = new double[count];
            for (int i = 0; i < count; i++) times[i] = reader.ReadDouble();
            var phases = new float[2 * count];
            for (int i = 0; i < phases.Length; i++) phases[i] = reader.ReadSingle();
            var frames = new float[count * length];
            for (int i = 0; i < frames.Length; i++) frames[i] = reader.ReadSingle();
            if (stream.Position != stream.Length) throw Unreadable(path, "it has more data than it says");
            return new PoseClip(clip, times, frames, labels, phases);
        }
        catch (EndOfStreamException)
        {
            throw Unreadable(path, "it is cut short");
        }
        catch (IOException e)
        {
            throw new InvalidInputException($"cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>Every pose clip in <paramref name="folder"/>, in name order.</summary>
    public static IReadOnlyList<string> In(string folder)
    {
        if (!Directory.Exists(folder)) throw new InvalidInputException($"pose data folder '{folder}' does not exist: make it with 'liveworkout synth pose --out {folder}' or 'liveworkout landmarks CLIPS --out {folder}'");
        var files = Directory.GetFiles(folder, "*" + Extension).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InvalidInputException($"'{folder}' holds no {Extension} files: make them with 'liveworkout synth pose --out {folder}' or 'liveworkout landmarks CLIPS --out {folder}'");
        return files;
    }

    private static InvalidInputException Unreadable(string path, string why) =>
        new($"'{path}' cannot be read as a pose clip ({why}): make it again with 'liveworkout synth pose' or 'liveworkout landmarks'");
}
