using System.Text.RegularExpressions;

namespace LiveWorkout.Tests;

public partial class TypeNameTests
{
    [Fact]
    public void No_two_public_types_in_src_share_a_name()
    {
        string src = Path.Combine(Checkout.Root(), "src");
        var names = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => PublicType().Matches(File.ReadAllText(f)).Select(m => (Name: m.Groups["name"].Value, File: Path.GetRelativePath(src, f))))
            .GroupBy(t => t.Name)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.File))}")
            .ToList();
        Assert.True(names.Count == 0, "public types that share a name: " + string.Join("; ", names));
    }

    [GeneratedRegex(@"^\s*public\s+(?:(?:sealed|static|abstract|partial|readonly)\s+)*(?:record\s+struct|record|class|struct|interface|enum)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex PublicType();
}
