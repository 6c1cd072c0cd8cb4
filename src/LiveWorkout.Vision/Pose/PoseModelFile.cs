using LiveWorkout.Core;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// Opens a TFLite model with OpenCV DNN after checking that the file exists and is a TFLite
/// flatbuffer: OpenCV can take the whole process down on some malformed files, so nothing that
/// is not one reaches it.
/// </summary>
public static class PoseModelFile
{
    /// <summary>The TFLite file identifier, at bytes 4-7 of every model.</summary>
    private static readonly byte[] Magic = "TFL3"u8.ToArray();

    /// <summary>Reads <paramref name="path"/> as a network; <paramref name="what"/> names it in the one-line error.</summary>
    public static Net Read(string path, string what)
    {
        CheckTflite(path, what);
        try
        {
            var net = CvDnn.ReadNet(path);
            if (net is null || net.Empty())
            {
                net?.Dispose();
                throw new ModelFileException($"{what} '{path}' holds no network OpenCV can run: restore models/pose from the repository");
            }
            return net;
        }
        catch (Exception e) when (e is OpenCVException or ArgumentException)
        {
            throw new ModelFileException($"{what} '{path}' could not be read by OpenCV ({e.Message.Split('\n')[0].Trim()}): restore models/pose from the repository");
        }
    }

    /// <summary>Throws the one-line error unless <paramref name="path"/> is a readable file that starts like a TFLite model.</summary>
    private static void CheckTflite(string path, string what)
    {
        if (!File.Exists(path)) throw new ModelFileException($"{what} '{path}' not found: restore models/pose from the repository (git checkout -- models/pose) or set Pose:ModelFolder");
        var head = new byte[8];
        int read;
        try
        {
            using var file = File.OpenRead(path);
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (file.Length < 1024) read = 0;
        }
        catch (IOException e)
        {
            throw new ModelFileException($"{what} '{path}' cannot be read ({e.Message.TrimEnd('.')}): check the file's permissions");
        }
        if (read < head.Length || !head.AsSpan(4, 4).SequenceEqual(Magic))
            throw new ModelFileException($"{what} '{path}' is not a TFLite model (corrupt or truncated): restore models/pose from the repository (git checkout -- models/pose)");
    }
}
