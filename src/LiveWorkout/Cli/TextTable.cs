namespace LiveWorkout.Cli;

/// <summary>A terminal table: columns padded to their widest cell, numbers right-aligned, a rule under the header.</summary>
public sealed class TextTable
{
    private readonly (string Header, bool Right)[] _columns;
    private readonly List<string[]> _rows = [];

    /// <param name="columns">Headers; a leading '>' right-aligns the column (">reps").</param>
    public TextTable(params string[] columns) =>
        _columns = columns.Select(c => c.StartsWith('>') ? (c[1..], true) : (c, false)).ToArray();

    public void Add(params string[] cells)
    {
        if (cells.Length != _columns.Length) throw new ArgumentException($"expected {_columns.Length} cells, got {cells.Length}", nameof(cells));
        _rows.Add(cells);
    }

    public void Write(TextWriter output)
    {
        int[] widths = _columns.Select((c, i) => _rows.Select(r => r[i].Length).Append(c.Header.Length).Max()).ToArray();
        output.WriteLine(Line(_columns.Select(c => c.Header).ToArray(), widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows) output.WriteLine(Line(row, widths));
    }

    private string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => _columns[i].Right ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd();
}
