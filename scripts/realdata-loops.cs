#:project ../src/LiveWorkout.Vision/LiveWorkout.Vision.csproj
#:property PublishAot=false
// Real people who keep moving, made from demonstration clips that move for 1-1.5 s and then hold
// their last frame (realdata-dev): each clip is cut to its moving part (where two frames at 160x90
// differ by more than 6 grey levels in their 99th percentile) and that part is played forwards,
// backwards, forwards... to 10 s, so a clip holding half a rep becomes one rep per pass. The loops
// keep the folder-per-class layout, for `replay OUT --evaluate --whole-clip-labels`.
//
// With a rep list (eval/realdata-dev-reps.csv), the counted clips whose moving part lasts at most
// 8 s are also linked into OUT-reps with a <clip>.labels.csv of one set over the loop and the reps
// it holds: each labelled rep extreme counts every time the loop passes it (one within a quarter of
// a second of the moving part's ends is taken as that end, where the motion turns).
//
//   dotnet run -c Release scripts/realdata-loops.cs -- CLIPS OUT [eval/realdata-dev-reps.csv]
using System.Globalization;
using OpenCvSharp;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: realdata-loops.cs CLIPS OUT [REPS_CSV]   (CLIPS/<class>/*.mp4)");
    return 2;
}
const double LoopSeconds = 10, MaxMovingSeconds = 8;
string clipsDir = Path.GetFullPath(args[0]), outDir = Path.GetFullPath(args[1]);
var counted = args.Length > 2 ? ReadReps(args[2]) : [];
string repsDir = outDir.TrimEnd('/') + "-reps";
if (counted.Count > 0) Directory.CreateDirectory(repsDir);

int written = 0, withReps = 0;
foreach (string classDir in Directory.GetDirectories(clipsDir).Order(StringComparer.Ordinal))
{
    string cls = Path.GetFileName(classDir);
    foreach (string clip in Directory.GetFiles(classDir, "*.mp4").Order(StringComparer.Ordinal))
    {
        var (frames, fps) = ReadFrames(clip);
        if (frames.Count < 2) { Console.Error.WriteLine($"{clip}: fewer than two frames, left out"); frames.ForEach(f => f.Dispose()); continue; }
        var (first, last) = MovingPart(frames);
        int[] loop = PingPong(first, last, (int)Math.Round(LoopSeconds * fps));
        if (Environment.GetEnvironmentVariable("LOOPS_VERBOSE") is not null) Console.WriteLine($"{cls}/{Path.GetFileName(clip)}: moving {first / fps:0.00}-{last / fps:0.00} s of {frames.Count / fps:0.00} s");
        Directory.CreateDirectory(Path.Combine(outDir, cls));
        string target = Path.Combine(outDir, cls, Path.GetFileName(clip));
        using (var writer = new VideoWriter(target, FourCC.FromString("mp4v"), fps, frames[0].Size()))
        {
            if (!writer.IsOpened()) throw new InvalidOperationException($"cannot write {target}");
            foreach (int i in loop) writer.Write(frames[i]);
        }
        written++;
        if (counted.TryGetValue((cls, Path.GetFileName(clip)), out var repTimes) && repTimes.Length > 0
            && (last - first) / fps <= MaxMovingSeconds)
        {
            int reps = repTimes.Sum(t => loop.Count(i => i == Extreme(t, fps, first, last)));
            string link = Path.Combine(repsDir, Path.GetFileName(clip));
            File.Delete(link);
            File.CreateSymbolicLink(link, target);
            File.WriteAllText(Path.ChangeExtension(link, null) + ".labels.csv",
                string.Create(CultureInfo.InvariantCulture, $"start_s,end_s,exercise,reps\n0,{loop.Length / fps:0.###},{cls},{reps}\n"));
            withReps++;
        }
        frames.ForEach(f => f.Dispose());
    }
    Console.WriteLine($"{cls}: {Directory.GetFiles(Path.Combine(outDir, cls), "*.mp4").Length} loops");
}
Console.WriteLine($"{written} loops in {outDir}" + (counted.Count > 0 ? $"; {withReps} with their reps in {repsDir}" : ""));
return 0;

static (List<Mat> Frames, double Fps) ReadFrames(string path)
{
    using var capture = new VideoCapture(path);
    double fps = capture.Fps is > 1 and < 240 ? capture.Fps : 30;
    var frames = new List<Mat>();
    while (true)
    {
        var frame = new Mat();
        if (!capture.Read(frame) || frame.Empty()) { frame.Dispose(); break; }
        frames.Add(frame);
    }
    return (frames, fps);
}

// First and last frame of the motion: where a frame differs from the one before it (99th percentile
// of the absolute difference at 160x90 above 6 grey levels); at least half a second.
static (int First, int Last) MovingPart(List<Mat> frames)
{
    var moving = new List<int>();
    using var previous = new Mat();
    using var small = new Mat();
    using var diff = new Mat();
    for (int i = 0; i < frames.Count; i++)
    {
        Cv2.Resize(frames[i], small, new Size(160, 90), interpolation: InterpolationFlags.Area);
        Cv2.CvtColor(small, small, ColorConversionCodes.BGR2GRAY);
        if (i > 0)
        {
            Cv2.Absdiff(small, previous, diff);
            diff.GetArray(out byte[] values);
            Array.Sort(values);
            if (values[(int)(0.99 * (values.Length - 1))] > 6) moving.Add(i);
        }
        small.CopyTo(previous);
    }
    int first = moving.Count > 0 ? moving[0] - 1 : 0, last = moving.Count > 0 ? moving[^1] : frames.Count - 1;
    return (first, Math.Min(frames.Count - 1, Math.Max(last, first + 15)));
}

// The frame of a labelled rep extreme at t seconds, moved to an end of the moving part when it lies
// within a quarter of a second of it (the motion settles there before the picture freezes).
static int Extreme(double t, double fps, int first, int last)
{
    int e = Math.Clamp((int)Math.Round(t * fps), first, last);
    int near = (int)Math.Round(0.25 * fps);
    return e >= last - near ? last : e <= first + near ? first : e;
}

static int[] PingPong(int first, int last, int length)
{
    var loop = new List<int>(length);
    for (bool forward = true; loop.Count < length; forward = !forward)
    {
        if (forward) for (int i = loop.Count == 0 ? first : first + 1; i <= last; i++) loop.Add(i);
        else for (int i = last - 1; i >= first; i--) loop.Add(i);
    }
    return [.. loop.Take(length)];
}

static Dictionary<(string Class, string Clip), double[]> ReadReps(string csv)
{
    var result = new Dictionary<(string, string), double[]>();
    foreach (string line in File.ReadLines(csv).Skip(1))
    {
        var cells = line.Split(',');
        if (cells.Length < 5 || cells[3] is "" or "0") continue;
        result[(cells[0], cells[1])] = [.. cells[4].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture))];
    }
    return result;
}
