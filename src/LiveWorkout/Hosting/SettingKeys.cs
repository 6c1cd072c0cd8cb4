using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;

namespace LiveWorkout.Hosting;

/// <summary>
/// Checks every key of every configuration source (appsettings.json files, LIVEWORKOUT__
/// environment variables, --set) against the options classes that read them, so a misspelled
/// key is refused with the closest known key instead of being ignored.
/// </summary>
public static class SettingKeys
{
    /// <summary>Sections read by something other than an options class; anything below them is accepted.</summary>
    private static readonly string[] FreeSections = ["Logging"];

    /// <summary>Throws <see cref="UnknownSettingException"/> for the first key that nothing reads.</summary>
    public static void Check(IConfiguration configuration, IReadOnlyDictionary<string, Type> sections)
    {
        if (configuration is not IConfigurationRoot root) return;
        foreach (var provider in root.Providers)
            foreach (string key in Leaves(provider, null))
            {
                string? problem = Problem(key, sections);
                if (problem is not null) throw new UnknownSettingException($"{problem} ({Origin(provider, key)})");
            }
    }

    /// <summary>Null when <paramref name="key"/> is read; otherwise what is wrong with it and the closest known key.</summary>
    public static string? Problem(string key, IReadOnlyDictionary<string, Type> sections)
    {
        string[] parts = key.Split(':');
        if (FreeSections.Contains(parts[0], StringComparer.OrdinalIgnoreCase)) return null;
        var section = sections.Keys.FirstOrDefault(s => s.Equals(parts[0], StringComparison.OrdinalIgnoreCase));
        if (section is null)
        {
            var names = sections.Keys.Concat(FreeSections).ToList();
            string? closest = Closest(parts[0], names);
            return $"unknown setting section '{parts[0]}' in {key}: " + (closest is not null ? $"did you mean {closest}?" : $"the sections are {string.Join(", ", names)}");
        }
        Type type = sections[section];
        string path = section;
        for (int i = 1; i < parts.Length; i++)
        {
            if (DictionaryValueType(type) is { } valueType)
            {
                type = valueType;
                path += ":" + parts[i];
                continue;
            }
            if (ListElementType(type) is { } elementType && int.TryParse(parts[i], out _))
            {
                type = elementType;
                path += ":" + parts[i];
                continue;
            }
            var properties = IsScalar(type) ? [] : type.GetProperties().Where(p => p.GetIndexParameters().Length == 0 && (p.CanWrite || !IsScalar(p.PropertyType))).ToList();
            var match = properties.FirstOrDefault(p => p.Name.Equals(parts[i], StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                if (properties.Count == 0) return $"unknown setting {key}: {path} is a single value and has no '{parts[i]}'";
                string? closest = Closest(parts[i], properties.Select(p => p.Name).ToList());
                return $"unknown setting {key}: " + (closest is not null
                    ? $"did you mean {path}:{closest}?"
                    : $"{path} has {string.Join(", ", properties.Select(p => p.Name))}");
            }
            type = match.PropertyType;
            path += ":" + match.Name;
        }
        return null;
    }

    private static IEnumerable<string> Leaves(IConfigurationProvider provider, string? parent)
    {
        foreach (string child in provider.GetChildKeys([], parent).Distinct(StringComparer.OrdinalIgnoreCase).ToList())
        {
            string path = parent is null ? child : $"{parent}:{child}";
            bool any = false;
            foreach (string leaf in Leaves(provider, path))
            {
                any = true;
                yield return leaf;
            }
            if (!any) yield return path;
        }
    }

    private static string Origin(IConfigurationProvider provider, string key) => provider switch
    {
        JsonConfigurationProvider json => $"in {Path.Combine((json.Source.FileProvider as PhysicalFileProvider)?.Root ?? "", json.Source.Path ?? "appsettings.json")}",
        EnvironmentVariablesConfigurationProvider => $"from the environment variable {AppHost.EnvironmentPrefix}{key.Replace(":", "__", StringComparison.Ordinal)}",
        MemoryConfigurationProvider => "from --set",
        _ => $"from {provider}",
    };

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(DateTimeOffset)
        || Nullable.GetUnderlyingType(type) is { } inner && IsScalar(inner);

    private static Type? DictionaryValueType(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];

    private static Type? ListElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IList<>))?.GetGenericArguments()[0];

    /// <summary>The known name nearest to <paramref name="name"/> by edit distance (ignoring case), if it is near enough to be a typo.</summary>
    private static string? Closest(string name, IReadOnlyList<string> known)
    {
        var best = known.Select(k => (Name: k, Distance: Distance(name.ToUpperInvariant(), k.ToUpperInvariant()))).OrderBy(c => c.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, name.Length / 3) ? best.Name : null;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
