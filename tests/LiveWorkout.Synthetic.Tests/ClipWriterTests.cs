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
    public void Exact_landmarks_are_the_clips_own_frames_through_its_own_camera()
    {
        using var folder = new TempFolder();
        string path = System.IO.Path.Combine(folder.Path, "clip.mp4");
        var written = SyntheticClipWriter.Write(path, seed: 8, new ClipOptions(Width: 160, Height: 120, DurationSeconds: 4, Joints: true, ExactLandmarks: true));

        var record = Core.Recognition.PredictionLog.Read(System.IO.Path.Combine(folder.Path, SyntheticClipWriter.ExactLandmarksFolder, "clip.predictions"));
        Assert.True(Core.Recognition.PredictionLog.IsLandmarksOnly(record));
        Assert.Equal(written.Frames, record.Predictions.Count);
        Assert.Equal(4, record.MediaDuration.TotalSeconds, 6);

        // The torso's direction (shoulders and hips sit on their joints) from the joints file of the same frame.
        var joints = File.ReadLines(System.IO.Path.Combine(folder.Path, "clip.joints2d.csv")).Skip(1).Select(l => l.Split(','))
            .ToLookup(c => int.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture));
        int checkedFrames = 0;
        for (int i = 0; i < record.Predictions.Count; i += 7)
        {
            var p = record.Predictions[i];
            Assert.Equal(i, p.Index);
            Assert.Equal(i / 30.0, p.Time.TotalSeconds, 6);
            Assert.Equal(Core.Pose.LandmarkFeatures.Size, p.Embedding.Length);
            Assert.Equal(1, p.Embedding[^1]); // the person is there
            (double X, double Y) J(string name)
            {
                var c = joints[i].Single(r => r[2] == name);
                return (double.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture), double.Parse(c[4], System.Globalization.CultureInfo.InvariantCulture));
            }
            var (lsx, lsy) = J("left_shoulder");
            var (rsx, rsy) = J("right_shoulder");
            var (lhx, lhy) = J("left_hip");
            var (rhx, rhy) = J("right_hip");
            double dx = (lsx + rsx - lhx - rhx) / 2, dy = (lsy + rsy - lhy - rhy) / 2, torso = Math.Sqrt(dx * dx + dy * dy);
            if (torso < 10) continue;
            int at = Core.Pose.LandmarkFeatures.Size - 5;
            Assert.InRange(p.Embedding[at] - dx / torso, -0.01, 0.01);
            Assert.InRange(p.Embedding[at + 1] - dy / torso, -0.01, 0.01);
            checkedFrames++;
        }
        Assert.True(checkedFrames > 10, $"{checkedFrames} frames checked");
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
