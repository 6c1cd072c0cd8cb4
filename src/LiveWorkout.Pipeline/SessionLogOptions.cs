using System.ComponentModel.DataAnnotations;

namespace LiveWorkout.Pipeline;

/// <summary>Section "Sessions": where the session log lives.</summary>
public sealed class SessionLogOptions
{
    public const string Section = "Sessions";

    /// <summary>SQLite file; empty means the user's data folder (e.g. ~/.local/share/LiveWorkout/sessions.db).</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>The unit weights are entered (sessions edit --weight), shown and exported in: kg or lb; the log keeps kilograms.</summary>
    [RegularExpression("^(kg|lb)$", ErrorMessage = "must be kg or lb")]
    public string WeightUnit { get; set; } = "kg";

    public string ResolveDatabasePath() => string.IsNullOrWhiteSpace(DatabasePath)
        ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "LiveWorkout", "sessions.db")
        : System.IO.Path.GetFullPath(DatabasePath);
}
