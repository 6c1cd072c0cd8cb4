using System.Diagnostics;
using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>
/// Measures rendering speed on one core: OpenCV is limited to one thread and frames of one
/// session are drawn back to back, as <c>synth clips</c> does (video encoding not included).
/// </summary>
public static class SynthBenchmark
{
    public static SynthBenchRow Run(int width, int height, TimeSpan duration, int seed = 1)
    {
        int threads = Cv2.GetNumThreads();
        Cv2.SetNumThreads(1);
        try
        {
            // Several sessions, since scenes differ in cost (noise, blur, JPEG artefacts are random per scene).
            const int sessions = 4;
            using var frame = new Mat();
            double setupMs = 0, renderSeconds = 0;
            int frames = 0;
            for (int s = 0; s < sessions; s++)
            {
                var setup = Stopwatch.StartNew();
                using var session = new SyntheticSession(SeedMix.Of(seed, s), width, height, 60);
                setupMs += setup.Elapsed.TotalMilliseconds;
                session.Render(0, frame); // warm-up
                var clock = Stopwatch.StartNew();
                for (int i = 0; clock.Elapsed < duration / sessions; i++, frames++)
                    session.Render(i % session.FrameCount, frame);
                renderSeconds += clock.Elapsed.TotalSeconds;
            }
            return new SynthBenchRow(width, height, frames, frames / renderSeconds, setupMs / sessions);
        }
        finally
        {
            Cv2.SetNumThreads(threads);
        }
    }
}
