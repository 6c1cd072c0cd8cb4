namespace LiveWorkout.Vision.Pose;

/// <summary>
/// The SSD anchor centres of MediaPipe's 224-pixel pose detector in the order of its outputs: strides 8, 16, 32, 32, 32,
/// two anchors per cell per layer, equal strides merged (28x28x2 + 14x14x2 + 7x7x6 = 2254); sizes are fixed at 1.
/// </summary>
internal static class PoseAnchors
{
    private static readonly int[] Strides = [8, 16, 32, 32, 32];

    /// <summary>Anchor centres (x, y), normalised to the detector's input square.</summary>
    public static (float X, float Y)[] Create(int inputSize)
    {
        var anchors = new List<(float, float)>();
        for (int layer = 0; layer < Strides.Length;)
        {
            int stride = Strides[layer], perCell = 0;
            for (; layer < Strides.Length && Strides[layer] == stride; layer++) perCell += 2;
            int rows = (inputSize + stride - 1) / stride, columns = rows;
            for (int y = 0; y < rows; y++)
                for (int x = 0; x < columns; x++)
                    for (int a = 0; a < perCell; a++)
                        anchors.Add(((x + 0.5f) / columns, (y + 0.5f) / rows));
        }
        return [.. anchors];
    }
}
