using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace LiveWorkout.Pipeline;

/// <summary>
/// Refuses NaN and infinities in any number of an options section, nested objects and dictionary
/// values included: they parse as numbers but pass or break range checks in ways that name no key.
/// </summary>
internal sealed class FiniteNumbersValidator<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Walk(options, section, failures, depth: 0);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Walk(object? value, string path, List<string> failures, int depth)
    {
        switch (value)
        {
            case null or string or bool or Enum:
                return;
            case double d when !double.IsFinite(d):
            case float f when !float.IsFinite(f):
                failures.Add($"{path}: must be a finite number, not {Convert.ToString(value, CultureInfo.InvariantCulture)}");
                return;
            case IConvertible:
                return;
            case IDictionary dictionary when depth < 8:
                foreach (DictionaryEntry entry in dictionary) Walk(entry.Value, $"{path}:{entry.Key}", failures, depth + 1);
                return;
            case IEnumerable list when depth < 8:
                int i = 0;
                foreach (object? item in list) Walk(item, $"{path}:{i++}", failures, depth + 1);
                return;
        }
        if (depth >= 8) return;
        foreach (var property in value.GetType().GetProperties())
            if (property.GetIndexParameters().Length == 0 && property.CanRead)
                Walk(property.GetValue(value), $"{path}:{property.Name}", failures, depth + 1);
    }
}
