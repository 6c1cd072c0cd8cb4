using System.Globalization;
using System.Text;

namespace LiveWorkout.Sessions.Reports;

/// <summary>
/// What the session page and the progress page share: the page frame with its style sheet, stat
/// cards, exercise chips, and how numbers, dates and weights read. Pages are self-contained (inline
/// CSS and SVG, no script, no external resource), so they open offline in any browser.
/// </summary>
internal static class ReportPage
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Opens the page: head with the style sheet, then the coloured header with a title and a line under it.</summary>
    public static void Begin(StringBuilder html, string title, string heading, string subtitle)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append(Inv, $"<title>{E(title)}</title><style>{Css}</style></head><body>\n")
            .Append(Inv, $"<header class=\"hero\"><div class=\"wrap\"><div class=\"brand\">LiveWorkout</div><h1>{E(heading)}</h1><div class=\"sub\">{E(subtitle)}</div></div></header>\n")
            .Append("<main class=\"wrap\">\n");
    }

    public static void End(StringBuilder html, string footer) =>
        html.Append(Inv, $"<footer>{E(footer)}</footer>\n</main>\n</body></html>\n");

    /// <summary>A big figure with a small unit and a label under it.</summary>
    public static void Stat(StringBuilder html, string label, string value, string unit = "") =>
        html.Append(Inv, $"<div class=\"stat\"><div class=\"v\">{E(value)}{(unit.Length > 0 ? $"<small>{E(unit)}</small>" : "")}</div><div class=\"l\">{E(label)}</div></div>");

    /// <summary>An exercise's name behind a dot of its colour.</summary>
    public static string Chip(string exercise) =>
        $"<span class=\"chip\"><i style=\"background:{ExerciseColors.Of(exercise)}\"></i>{E(DisplayFormat.Exercise(exercise))}</span>";

    /// <summary>A coloured line across the page: warning (amber) or notice (blue).</summary>
    public static void Banner(StringBuilder html, string kind, string heading, string text) =>
        html.Append(Inv, $"<div class=\"banner {kind}\"><b>{E(heading)}</b> {E(text)}</div>\n");

    public static string Count(double n) => n.ToString("#,0", Inv);

    /// <summary>A weight in the person's unit without trailing zeros: "62.5", "20".</summary>
    public static string Weight(double kilograms, string unit) => WeightUnit.FromKilograms(kilograms, unit).ToString("#,0.##", Inv);

    /// <summary>A volume in the person's unit, whole: "1,240" (fractions of a kilogram over many reps say nothing).</summary>
    public static string Volume(double kilograms, string unit) => Math.Round(WeightUnit.FromKilograms(kilograms, unit), MidpointRounding.AwayFromZero).ToString("#,0", Inv);

    public static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", Inv);

    public static string ShortDay(DateOnly day) => day.ToString("d MMM", Inv);

    public static DateTime Local(DateTimeOffset t, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(t, zone).DateTime;

    /// <summary>Text made safe for HTML: markup characters escaped, everything else (·, –, ×) left as UTF-8.</summary>
    public static string E(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private const string Css = """
        :root{--ink:#0f172a;--muted:#64748b;--faint:#94a3b8;--line:#e2e8f0;--bg:#f1f5f9;--accent:#4f46e5}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Helvetica,Arial,"Nimbus Sans","Liberation Sans","DejaVu Sans",sans-serif;-webkit-font-smoothing:antialiased}
        .wrap{max-width:1120px;margin:0 auto;padding:0 24px}
        .hero{background:linear-gradient(120deg,#312e81 0%,#4f46e5 45%,#7c3aed 75%,#c026d3 100%);color:#fff;padding:22px 0 70px}
        .hero .brand{font-size:12px;font-weight:700;letter-spacing:.14em;text-transform:uppercase;opacity:.7}
        .hero h1{margin:6px 0 2px;font-size:32px;font-weight:750;letter-spacing:-.015em}
        .hero .sub{font-size:16px;opacity:.88}
        main.wrap{margin-top:-52px;padding-bottom:8px;position:relative}
        .stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(128px,1fr));gap:12px}
        .stat,.panel{background:#fff;border-radius:16px;box-shadow:0 1px 2px rgba(15,23,42,.06),0 6px 16px rgba(15,23,42,.06)}
        .stat{padding:14px 18px}
        .stat .v{font-size:28px;font-weight:700;letter-spacing:-.01em;font-variant-numeric:tabular-nums;white-space:nowrap}
        .stat .v small{font-size:14px;font-weight:600;color:var(--muted);margin-left:4px}
        .stat .l{color:var(--muted);font-size:12px;font-weight:600;letter-spacing:.07em;text-transform:uppercase}
        .panel{padding:18px 22px;margin-top:16px;overflow:hidden}
        .panel h2{margin:0 0 14px;font-size:18px;font-weight:700;letter-spacing:-.005em}
        .panel h2 .hint{font-size:13px;font-weight:500;color:var(--faint);margin-left:8px}
        .row{display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:16px}.row>.panel{margin-top:16px}
        svg.chart{display:block;max-width:100%;height:auto;font-variant-numeric:tabular-nums}
        .legend{display:flex;flex-wrap:wrap;gap:6px 16px;margin-top:10px;font-size:13px;color:var(--muted)}
        .chip{display:inline-flex;align-items:center;white-space:nowrap}.chip i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:7px;flex:none}
        table{border-collapse:collapse;width:100%;font-size:14px;font-variant-numeric:tabular-nums}
        th{font-size:12px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);text-align:left;padding:0 10px 8px;border-bottom:1px solid var(--line)}
        td{padding:9px 10px;border-bottom:1px solid #f1f5f9;vertical-align:middle}tr:last-child td{border-bottom:0}
        .n{text-align:right;white-space:nowrap}td.when{white-space:nowrap;line-height:1.3}.dim{color:var(--faint)}.strong{font-weight:650}
        .pill{display:inline-block;font-size:12px;font-weight:600;border-radius:999px;padding:1px 9px;margin-left:6px;white-space:nowrap}
        .pill.warn{background:#fef3c7;color:#92400e}.pill.info{background:#e0e7ff;color:#3730a3}.pill.pr{background:#dcfce7;color:#166534}
        .banner{border-radius:14px;padding:13px 18px;margin-top:16px;font-size:15px}
        .banner.warn{background:#fffbeb;border:1px solid #fcd34d;color:#78350f}.banner.info{background:#eef2ff;border:1px solid #c7d2fe;color:#312e81}
        .empty{text-align:center;padding:46px 20px;color:var(--muted)}.empty b{display:block;font-size:20px;color:var(--ink);margin-bottom:6px}
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:12px}
        .tile{border:1px solid var(--line);border-radius:14px;padding:12px 14px;position:relative;overflow:hidden}
        .tile:before{content:"";position:absolute;left:0;top:0;bottom:0;width:4px;background:var(--c)}
        .tile .name{font-size:13px;font-weight:650;color:var(--muted)}
        .tile .big{font-size:26px;font-weight:750;letter-spacing:-.01em;margin-top:2px;font-variant-numeric:tabular-nums}
        .tile .big small{font-size:14px;font-weight:600;color:var(--muted);margin-left:4px}
        .tile .more{font-size:13px;color:var(--muted);margin-top:2px}
        .cards3{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:14px}
        .ex{border:1px solid var(--line);border-radius:14px;padding:14px 16px}
        .ex h3{margin:0;font-size:16px;font-weight:700}.ex .sum{font-size:13px;color:var(--muted);margin:2px 0 8px}
        .ex .cap{font-size:11px;font-weight:600;letter-spacing:.07em;text-transform:uppercase;color:var(--faint);margin-top:6px}
        dl.facts{margin:0;display:grid;grid-template-columns:1fr auto;row-gap:10px;font-size:14px}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;font-weight:650;text-align:right;font-variant-numeric:tabular-nums}
        .bignum{font-size:46px;font-weight:800;letter-spacing:-.02em;line-height:1;color:var(--accent)}.bignum small{font-size:16px;font-weight:600;color:var(--muted);margin-left:6px;letter-spacing:0}
        .kv{display:grid;grid-template-columns:max-content 1fr;gap:6px 18px;font-size:14px}.kv div:nth-child(odd){color:var(--muted)}.kv code{font-size:13px;word-break:break-all}
        footer{color:var(--faint);font-size:12px;margin:22px 0 18px;text-align:center}
        @media (max-width:800px){.row{grid-template-columns:1fr}}
        """;
}
