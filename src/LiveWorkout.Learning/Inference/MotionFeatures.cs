using LiveWorkout.Core.Imaging;

namespace LiveWorkout.Learning.Inference;

/// <summary>
/// Computes <see cref="MotionSpec"/> features for the frames of one source, in time order, from
/// frames preprocessed as the model's <see cref="InputSpec"/> says (C x H x W floats). Each frame is
/// shrunk to a gray thumbnail of 4 x 4 points per cell; a cell's value is log(1 + 10 x the mean
/// absolute change of its points) against the latest frame at least <see cref="MotionSpec.Seconds"/>
/// older (the oldest one kept until there is one: the first frame gives zeros). Training
/// (<c>ClipEmbeddings</c>) and inference (<see cref="FrameClassifier"/>) both compute them here.
/// </summary>
public sealed class MotionFeatures
{
    internal const int PointsPerCell = 4;
    private readonly MotionSpec _spec;
    private readonly InputSpec _input;
    private readonly int _side;
    private readonly int[] _pointOfRow;    // first thumbnail point of each pixel row's thumbnail row
    private readonly int[] _pointOfColumn; // thumbnail column of each pixel column
    private readonly int[] _valuesPerPoint; // pixels x channels that average into each point
    private readonly List<(double Time, float[] Thumbnail)> _recent = [];

    public MotionFeatures(MotionSpec spec, InputSpec input)
    {
        spec.Validate(input);
        _spec = spec;
        _input = input;
        _side = spec.ThumbnailSide;
        _pointOfRow = Enumerable.Range(0, input.Height).Select(y => y * _side / input.Height * _side).ToArray();
        _pointOfColumn = Enumerable.Range(0, input.Width).Select(x => x * _side / input.Width).ToArray();
        _valuesPerPoint = new int[_side * _side];
        foreach (int row in _pointOfRow)
            foreach (int column in _pointOfColumn)
                _valuesPerPoint[row + column] += input.Channels;
    }

    public int Features => _spec.Features;

    /// <summary>Thumbnails kept: the reference of the next frame and the ones after it.</summary>
    internal int Held => _recent.Count;

    /// <summary>Writes the features of a frame (C x H x W floats) at <paramref name="seconds"/> into <paramref name="features"/>.</summary>
    public void Compute(ReadOnlySpan<float> frame, double seconds, Span<float> features)
    {
        if (features.Length != Features) throw new ArgumentException($"{Features} features are needed, got room for {features.Length}", nameof(features));
        var thumbnail = Thumbnail(frame);
        if (_recent.Count > 0 && seconds < _recent[^1].Time) seconds = _recent[^1].Time;
        _recent.Add((seconds, thumbnail));
        int reference = 0;
        double until = seconds - _spec.Seconds + TemporalWindow.ToleranceSeconds;
        while (reference + 1 < _recent.Count && _recent[reference + 1].Time <= until) reference++;
        if (reference > 0) _recent.RemoveRange(0, reference); // no later frame reaches further back
        var before = _recent[0].Thumbnail;

        int grid = _spec.Grid;
        for (int cy = 0; cy < grid; cy++)
            for (int cx = 0; cx < grid; cx++)
            {
                double sum = 0;
                for (int y = cy * PointsPerCell; y < (cy + 1) * PointsPerCell; y++)
                    for (int x = cx * PointsPerCell; x < (cx + 1) * PointsPerCell; x++)
                        sum += Math.Abs(thumbnail[y * _side + x] - before[y * _side + x]);
                features[cy * grid + cx] = (float)Math.Log(1 + 10 * sum / (PointsPerCell * PointsPerCell));
            }
    }

    /// <summary>Mean over channels and over the block of pixels each thumbnail point covers.</summary>
    private float[] Thumbnail(ReadOnlySpan<float> frame)
    {
        int channels = _input.Channels, width = _input.Width, height = _input.Height, plane = width * height;
        if (frame.Length < channels * plane) throw new ArgumentException($"a frame of {channels}x{height}x{width} needs {channels * plane} floats, got {frame.Length}", nameof(frame));
        var sums = new double[_side * _side];
        for (int y = 0; y < height; y++)
        {
            int row = _pointOfRow[y];
            for (int x = 0; x < width; x++)
            {
                double value = 0;
                for (int c = 0; c < channels; c++) value += frame[c * plane + y * width + x];
                sums[row + _pointOfColumn[x]] += value;
            }
        }
        var thumbnail = new float[sums.Length];
        for (int i = 0; i < sums.Length; i++) thumbnail[i] = (float)(sums[i] / _valuesPerPoint[i]);
        return thumbnail;
    }
}
