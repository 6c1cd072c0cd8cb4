using System.Globalization;
using System.Text.RegularExpressions;
using LiveWorkout.Core;

namespace LiveWorkout.Sessions;

/// <summary>
/// The unit weights are entered and shown in ("kg" or "lb", setting Sessions:WeightUnit); the
/// log keeps kilograms, so changing the unit changes no stored value.
/// </summary>
public static partial class WeightUnit
{
    public const string Kilograms = "kg";
    public const string Pounds = "lb";
    private const double KilogramsPerPound = 0.45359237;

    /// <summary>Kilograms of <paramref name="value"/> given in <paramref name="unit"/>.</summary>
    public static double ToKilograms(double value, string unit) => unit == Pounds ? value * KilogramsPerPound : value;

    /// <summary>A stored weight in <paramref name="unit"/>, rounded to what scales and plates show (two decimals).</summary>
    public static double FromKilograms(double kilograms, string unit) =>
        Math.Round(unit == Pounds ? kilograms / KilogramsPerPound : kilograms, 2, MidpointRounding.AwayFromZero);

    /// <summary>"60", "60 kg" or "135lb" (a unit in the text wins over <paramref name="defaultUnit"/>) as kilograms; one line saying what is wrong otherwise.</summary>
    public static double ParseToKilograms(string text, string defaultUnit)
    {
        var m = Entry().Match(text.Trim());
        if (!m.Success || !double.TryParse(m.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw new InvalidInputException($"--weight '{text}' is not a weight: give a number, optionally with kg or lb (e.g. 60, 60kg, 135lb).");
        string unit = m.Groups["unit"].Value.ToLowerInvariant() switch { "" => defaultUnit, "kg" or "kgs" => Kilograms, _ => Pounds };
        double kilograms = ToKilograms(value, unit);
        if (kilograms is < 0 or > 1000)
            throw new InvalidInputException($"--weight {text} is out of range: give 0 (bodyweight) to 1000 kg.");
        return kilograms;
    }

    /// <summary>"60 kg", "135 lb".</summary>
    public static string Format(double kilograms, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{FromKilograms(kilograms, unit):0.##} {unit}");

    [GeneratedRegex(@"^(?<value>[0-9]+(\.[0-9]+)?)\s*(?<unit>kg|kgs|lb|lbs)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Entry();
}
