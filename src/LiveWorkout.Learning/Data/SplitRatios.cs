using System.Globalization;
using LiveWorkout.Core;

namespace LiveWorkout.Learning.Data;

/// <summary>Train/validation/test fractions, e.g. 0.8,0.1,0.1 (seed 1) or 0.7,0.1,0.2 (seed 2).</summary>
public sealed record SplitRatios(double Train, double Validation, double Test)
{
    public static SplitRatios Default { get; } = new(0.8, 0.1, 0.1);

    public static SplitRatios Parse(string text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= 0))
            throw new InvalidInputException($"--split '{text}' is not three non-negative fractions like 0.8,0.1,0.1");
        var v = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        double sum = v.Sum();
        if (v[0] <= 0 || v[1] <= 0 || sum <= 0)
            throw new InvalidInputException($"--split '{text}' needs a train and a validation share above zero");
        return new SplitRatios(v[0] / sum, v[1] / sum, v[2] / sum);
    }

    public double For(string split) => split switch
    {
        SplitNames.Train => Train,
        SplitNames.Validation => Validation,
        _ => Test,
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Train:0.###},{Validation:0.###},{Test:0.###}");
}
