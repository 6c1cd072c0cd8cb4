using System.Text.Json;
using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;

namespace LiveWorkout.Vision.Preprocessing;

/// <summary>
/// <c>region.json</c> in a dataset folder: its images are person regions cropped with this spec
/// (<see cref="MotionRegionTracker"/>), its clips are to be cropped so, and a model trained on it
/// crops video frames the same way. Without the file a dataset is of whole frames.
/// </summary>
public static class DatasetRegion
{
    public const string FileName = "region.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Records <paramref name="region"/> in <paramref name="root"/>, or removes the record for whole frames.</summary>
    public static void Write(string root, RegionSpec? region)
    {
        string file = Path.Combine(root, FileName);
        if (region is null) File.Delete(file);
        else File.WriteAllText(file, JsonSerializer.Serialize(region, Json));
    }

    /// <summary>The region spec a dataset's frames were cropped with, or null for whole frames.</summary>
    public static RegionSpec? Read(string root)
    {
        string file = Path.Combine(root, FileName);
        if (!File.Exists(file)) return null;
        try
        {
            var region = JsonSerializer.Deserialize<RegionSpec>(File.ReadAllText(file), Json) ?? throw new JsonException("empty");
            region.Validate();
            return region;
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"{file} is not a region spec ({e.Message}); fix it, or delete it if the frames are whole frames");
        }
    }
}
