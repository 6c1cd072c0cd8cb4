using System.Diagnostics;
using LiveWorkout.Vision.Pose;
using OpenCvSharp;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>
/// <c>liveworkout synth pose</c>: renders synthetic sessions and writes the pose stage's landmarks
/// of each (<see cref="RenderedLandmarkClips"/>) as <c>&lt;seed&gt;.pose</c> files, one worker and
/// pose stage per core. Files already there are kept, so a stopped run goes on where it stopped.
/// </summary>
public sealed class PoseDataRun(TextWriter output)
{
    /// <returns>Sessions written by this run (those already there not counted).</returns>
    public int Run(string folder, SyntheticLandmarkOptions data, string landmarkModel, string? detector, int workers, CancellationToken cancellation)
    {
        Directory.CreateDirectory(folder);
        var todo = Enumerable.Range(data.Seed, data.Sessions).Where(seed => !File.Exists(PathFor(folder, seed))).ToList();
        output.WriteLine($"{data.Sessions} synthetic sessions from seed {data.Seed}, {data.DurationSeconds:0} s each at tempo {data.MinTempo:0.##}-{data.MaxTempo:0.##}, rendered and seen by the pose stage every {data.StepSeconds:0.###} s; {data.Sessions - todo.Count} already in {folder}");
        if (todo.Count == 0) return 0;
        // Each worker runs OpenCV on one thread: the workers already fill the cores.
        int previousThreads = Cv2.GetNumThreads();
        if (workers > 1) Cv2.SetNumThreads(1);
        var watch = Stopwatch.StartNew();
        int next = -1, done = 0;
        try
        {
            var tasks = Enumerable.Range(0, Math.Min(workers, todo.Count)).Select(_ => Task.Factory.StartNew(() =>
            {
                using var estimator = new PoseEstimator(PoseLandmarkModel.Load(landmarkModel), detector is null ? null : PoseDetector.Load(detector));
                for (int k = Interlocked.Increment(ref next); k < todo.Count; k = Interlocked.Increment(ref next))
                {
                    int seed = todo[k];
                    var clip = RenderedLandmarkClips.Make(seed, data, estimator, cancellation);
                    PoseClipFile.Write(PathFor(folder, seed), clip);
                    int n = Interlocked.Increment(ref done);
                    lock (output) output.WriteLine($"  {n}/{todo.Count} session {seed}: {clip.Count} frames, person found in {clip.FoundShare:P0} ({watch.Elapsed.TotalSeconds:0} s)");
                }
            }, cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            Task.WaitAll(tasks, cancellation);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        finally
        {
            if (workers > 1) Cv2.SetNumThreads(previousThreads);
        }
        output.WriteLine($"wrote {done} sessions to {folder} in {watch.Elapsed.TotalSeconds:0} s");
        return done;
    }

    public static string PathFor(string folder, int seed) => Path.Combine(folder, $"{seed}{PoseClipFile.Extension}");
}
