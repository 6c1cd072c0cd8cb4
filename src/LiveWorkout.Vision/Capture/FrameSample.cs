using System.Collections.Concurrent;

namespace LiveWorkout.Vision.Capture;

/// <summary>
/// One preprocessed frame on its way to the classifier: managed floats only (no Mat leaves the
/// capture thread). <see cref="Pixels"/> comes from a <see cref="FrameBufferPool"/> and goes back
/// to it once the classifier has copied it.
/// </summary>
/// <param name="Index">Frame number from 0.</param>
/// <param name="Time">Media time (replay) or time since capture started (live).</param>
/// <param name="Pixels">Model input, CHW floats.</param>
/// <param name="CapturedAt">Stopwatch timestamp of the capture, for frame-age measurements.</param>
public sealed record FrameSample(long Index, TimeSpan Time, float[] Pixels, long CapturedAt);
