namespace LiveWorkout.Synthetic;

/// <summary>One written image, as a row of manifest.csv.</summary>
public sealed record ManifestRow(string Path, string Class, string Split, string Group, int Seed, int Person, string Camera, double Azimuth, double Elevation, bool Mirror, string Activity);
