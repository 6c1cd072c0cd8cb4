using LiveWorkout.Core.Annotations;
using LiveWorkout.Synthetic;
using OpenCvSharp;

namespace LiveWorkout.Synthetic.Tests;

public sealed class ClipWriterTests
{
    [Fact]
    public void Written_clip_reads_back_with_its_labels_and_joints()
    {
        using var folder = new TempFolder();
        string path = System.IO.Path.Combine(folder.Path, "clip.mp4");
        var written = SyntheticClipWriter.Write(path, seed: 8, new ClipOptions(Width: 160, Height: 120, DurationSeconds: 4, Joints: true));

        Assert.Equal(120, written.Frames);
        using (var capture = new VideoCapture(path))
        {
            Assert.True(capture.IsOpened());
            Assert.Equal(160, capture.FrameWidth);
            Assert.Equal(120, capture.FrameHeight);
            Assert.Equal(30, capture.Fps, 1);
            int frames = 0;
            using var frame = new Mat();
            while (capture.Read(frame) && !frame.Empty()) frames++;
            Assert.Equal(120, frames);
        }
        var labels = ClipAnnotation.Load(ClipAnnotation.PathFor(path));
        Assert.Equal(written.Labels.ToCsv(), labels.ToCsv());

        var joints2d = File.ReadAllLines(System.IO.Path.Combine(folder.Path, "clip.joints2d.csv"));
        var joints3d = File.ReadAllLines(System.IO.Path.Combine(folder.Path, "clip.joints3d.csv"));
        Assert.Equal("frame,time,joint,x,y", joints2d[0]);
        Assert.Equal("frame,time,joint,x,y,z", joints3d[0]);
        Assert.Equal(1 + 120 * Joints.Count, joints2d.Length);
        Assert.Equal(1 + 120 * Joints.Count, joints3d.Length);
    }

    [Fact]
    public void A_clip_has_a_sets_file_naming_each_labelled_set_s_variant()
    {
        using var folder = new TempFolder();
        string path = System.IO.Path.Combine(folder.Path, "clip.mp4");
        var written = SyntheticClipWriter.Write(path, seed: 12, new ClipOptions(Width: 64, Height: 48, DurationSeconds: 60));
        var rows = File.ReadAllLines(SyntheticClipWriter.SetsPathFor(path));
        Assert.Equal(SyntheticClipWriter.SetsHeader, rows[0]);
        Assert.NotEmpty(written.Labels.Sets);
        Assert.Equal(written.Labels.Sets.Count, rows.Length - 1);
        foreach (var (set, row) in written.Labels.Sets.Zip(rows.Skip(1)))
        {
            var cells = row.Split(',');
            Assert.Equal(set.Exercise, cells[2]);
            Assert.Contains(cells[3], Synthetic.Motions.MotionVariants.Of(set.Exercise));
            Assert.Equal(set.Reps.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[4]);
        }
    }

    [Fact]
    public void The_occlusion_share_changes_the_picture_but_not_the_labels()
    {
        using var folder = new TempFolder();
        var options = new ClipOptions(Width: 64, Height: 48, DurationSeconds: 3, CameraEffects: false, OcclusionChance: 0);
        var open = SyntheticClipWriter.Write(System.IO.Path.Combine(folder.Path, "open.mp4"), seed: 8, options);
        var occluded = SyntheticClipWriter.Write(System.IO.Path.Combine(folder.Path, "occluded.mp4"), seed: 8, options with { OcclusionChance = 1 });

        Assert.Equal(open.Labels.ToCsv(), occluded.Labels.ToCsv());
        using (var a = new VideoCapture(open.VideoPath))
        using (var b = new VideoCapture(occluded.VideoPath))
        using (var frameA = new Mat())
        using (var frameB = new Mat())
        {
            Assert.True(a.Read(frameA) && b.Read(frameB));
            Assert.True(Cv2.Norm(frameA, frameB, NormTypes.L1) > 0, "an occluded clip's first frame equals the open one's");
        }

        var e = Assert.ThrowsAny<LiveWorkout.Core.LiveWorkoutException>(() =>
            SyntheticClipWriter.Write(System.IO.Path.Combine(folder.Path, "bad.mp4"), seed: 8, options with { OcclusionChance = 1.5 }));
        Assert.Contains("--occlusion", e.Message, StringComparison.Ordinal);
    }
}
