using System.Globalization;
using System.Text;

namespace LiveWorkout.Sessions.Reports;

/// <summary>
/// Writes one inline SVG chart: shapes and text in user units, numbers in invariant culture,
/// text escaped. Text takes the page's font; a title element gives a hover tooltip without script.
/// </summary>
internal sealed class SvgCanvas
{
    private readonly StringBuilder _svg = new();

    public SvgCanvas(double width, double height, string label, string cssClass = "chart")
    {
        Width = width;
        Height = height;
        _svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"{cssClass}\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-label=\"{E(label)}\">");
    }

    public double Width { get; }

    public double Height { get; }

    public void Rect(double x, double y, double width, double height, string fill, double radius = 0, string? title = null, string? extra = null)
    {
        if (width <= 0 || height <= 0) return;
        _svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"{fill}\"");
        if (radius > 0) _svg.Append(CultureInfo.InvariantCulture, $" rx=\"{N(radius)}\"");
        if (extra is not null) _svg.Append(' ').Append(extra);
        Close("rect", title);
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"");
        if (dash is not null) _svg.Append(CultureInfo.InvariantCulture, $" stroke-dasharray=\"{dash}\"");
        _svg.Append("/>");
    }

    public void Text(double x, double y, string text, string anchor = "start", double size = 12, string fill = "#64748b", int weight = 400, string? title = null)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" fill=\"{fill}\"");
        if (anchor != "start") _svg.Append(CultureInfo.InvariantCulture, $" text-anchor=\"{anchor}\"");
        if (weight != 400) _svg.Append(CultureInfo.InvariantCulture, $" font-weight=\"{weight}\"");
        _svg.Append('>').Append(E(text));
        if (title is not null) _svg.Append("<title>").Append(E(title)).Append("</title>");
        _svg.Append("</text>");
    }

    /// <summary>A line through points, optionally filled down to <paramref name="baseline"/> with <paramref name="fill"/>.</summary>
    public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double width, string? fill = null, double baseline = 0)
    {
        if (points.Count == 0) return;
        string path = string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"));
        if (fill is not null)
            _svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{N(points[0].X)},{N(baseline)} {path} {N(points[^1].X)},{N(baseline)}\" fill=\"{fill}\"/>");
        _svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>");
    }

    public void Circle(double x, double y, double r, string fill, string? title = null)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{fill}\"");
        Close("circle", title);
    }

    /// <summary>Markup that is already SVG (a pattern definition).</summary>
    public void Raw(string markup) => _svg.Append(markup);

    public override string ToString() => _svg + "</svg>";

    private void Close(string element, string? title)
    {
        if (title is null) _svg.Append("/>");
        else _svg.Append("><title>").Append(E(title)).Append("</title></").Append(element).Append('>');
    }

    /// <summary>A coordinate with at most one decimal: small files, no exponent, never NaN.</summary>
    public static string N(double value) =>
        (double.IsFinite(value) ? Math.Round(value, 1) : 0).ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => ReportPage.E(text);
}
