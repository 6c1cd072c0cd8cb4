#:project ../src/LiveWorkout.Vision/LiveWorkout.Vision.csproj
#:property PublishAot=false
// How well the person region (MotionRegionTracker, what a model with a region in its input spec
// sees) holds the person: runs the tracker over every frame of clips written by
// `synth clips --joints`, the way replay does, and on every 10th frame inside a labelled set
// compares the region with the box around the person's joints (8% margin). Prints the share of
// that box inside the region (coverage) and how much the region zooms in (frame height / side).
//
//   dotnet run -c Release scripts/region-study.cs -- CLIPS [expand=1.6] [memory=6]
using System.Globalization;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Vision.Preprocessing;
using OpenCvSharp;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: region-study.cs CLIPS [expand=1.6] [memory=6]   (clips of synth clips --joints)");
    return 2;
}
double Arg(string name, double fallback) =>
    args.Skip(1).Select(a => a.Split('=')).Where(p => p.Length == 2 && p[0] == name).Select(p => double.Parse(p[1], CultureInfo.InvariantCulture)).DefaultIfEmpty(fallback).First();
var spec = new RegionSpec(Expand: Arg("expand", 1.6), MemorySeconds: Arg("memory", 6));

var coverage = new List<(string Exercise, double Share)>();
var zoom = new List<double>();
int noRegion = 0;
foreach (string clip in Directory.GetFiles(args[0], "*.mp4").Order(StringComparer.Ordinal))
{
    string joints = Path.ChangeExtension(clip, null) + ".joints2d.csv";
    if (!File.Exists(joints)) { Console.Error.WriteLine($"{clip}: no .joints2d.csv beside it (write clips with --joints); skipped"); continue; }
    var labels = ClipAnnotation.Load(ClipAnnotation.PathFor(clip));
    var boxes = new Dictionary<int, (double X0, double Y0, double X1, double Y1)>();
    foreach (var line in File.ReadLines(joints).Skip(1))
    {
        var p = line.Split(',');
        int f = int.Parse(p[0], CultureInfo.InvariantCulture);
        double x = double.Parse(p[3], CultureInfo.InvariantCulture), y = double.Parse(p[4], CultureInfo.InvariantCulture);
        boxes[f] = boxes.TryGetValue(f, out var b) ? (Math.Min(b.X0, x), Math.Min(b.Y0, y), Math.Max(b.X1, x), Math.Max(b.Y1, y)) : (x, y, x, y);
    }
    using var capture = new VideoCapture(clip);
    double fps = capture.Fps is > 0 and < 1000 ? capture.Fps : 30;
    using var tracker = new MotionRegionTracker(spec);
    using var frame = new Mat();
    for (int i = 0; capture.Read(frame) && !frame.Empty(); i++)
    {
        var time = TimeSpan.FromSeconds(i / fps);
        var region = tracker.Observe(frame, time);
        string label = labels.LabelAt(time);
        if (i % 10 != 0 || label == "idle" || !boxes.TryGetValue(i, out var g)) continue;
        if (region is not { } r) { noRegion++; coverage.Add((label, 1)); zoom.Add(1); continue; }
        double pad = 0.08 * Math.Max(g.X1 - g.X0, g.Y1 - g.Y0);
        double x0 = g.X0 - pad, y0 = g.Y0 - pad, x1 = g.X1 + pad, y1 = g.Y1 + pad;
        double ix = Math.Max(0, Math.Min(x1, r.Right) - Math.Max(x0, r.X)), iy = Math.Max(0, Math.Min(y1, r.Bottom) - Math.Max(y0, r.Y));
        coverage.Add((label, ix * iy / ((x1 - x0) * (y1 - y0))));
        zoom.Add((double)frame.Height / r.Height);
    }
}
if (coverage.Count == 0) { Console.Error.WriteLine("no frames inside labelled sets"); return 1; }

double Quantile(IEnumerable<double> values, double q) { var o = values.Order().ToList(); return o[(int)(q * (o.Count - 1))]; }
var shares = coverage.Select(c => c.Share).ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{coverage.Count} frames in sets ({noRegion} before any region: whole frame); expand {spec.Expand}, memory {spec.MemorySeconds} s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"coverage of the person's box: mean {shares.Average():0.000}, p10 {Quantile(shares, 0.1):0.000}, median {Quantile(shares, 0.5):0.000}; at least 0.9 in {shares.Count(s => s >= 0.9) / (double)shares.Count:0.000} of frames"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"zoom (frame height / region side): median {Quantile(zoom, 0.5):0.00}, p10 {Quantile(zoom, 0.1):0.00}, p90 {Quantile(zoom, 0.9):0.00}"));
foreach (var group in coverage.GroupBy(c => c.Exercise).OrderBy(g => g.Key, StringComparer.Ordinal))
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {group.Key,-15} {group.Count(),5} frames, coverage mean {group.Average(c => c.Share):0.000}, >= 0.9 in {group.Count(c => c.Share >= 0.9) / (double)group.Count():0.000}"));
return 0;
