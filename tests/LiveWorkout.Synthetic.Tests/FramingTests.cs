using LiveWorkout.Core;
using LiveWorkout.Synthetic;
using LiveWorkout.Synthetic.Motions;
using OpenCvSharp;

namespace LiveWorkout.Synthetic.Tests;

public sealed class FramingTests
{
    public static TheoryData<string, CameraView> ClassesAndViews()
    {
        var data = new TheoryData<string, CameraView>();
        foreach (string c in ExerciseCatalog.All)
            foreach (var v in new[] { CameraView.Front, CameraView.ThreeQuarter, CameraView.Side })
                data.Add(c, v);
        return data;
    }

    [Theory]
    [MemberData(nameof(ClassesAndViews))]
    public void Every_class_renders_inside_the_frame_from_every_view(string exercise, CameraView view)
    {
        for (int seed = 0; seed < 4; seed++)
        {
            var rng = new Random(seed * 31 + (int)view);
            var motion = ExerciseCatalog.IsIdle(exercise) ? new IdleMotion(IdleMotion.Activities[seed % IdleMotion.Activities.Count]) : ExerciseMotion.For(exercise);
            var person = SyntheticPerson.Random(rng);
            var spec = SceneSpec.Random(rng, new SceneOptions(view, OcclusionChance: 0), motion.UsesBar, false);
            var solver = new BodySolver(person);
            var camera = spec.CameraFor(MotionSampling.Spread(motion, solver, Vec3.Zero), person, 160, 120);
            string expected = view switch { CameraView.Front => "front", CameraView.ThreeQuarter => "three_quarter", _ => "side" };
            if (SyntheticImageDataset.ViewName(spec.Azimuth) != "rear_three_quarter") Assert.Equal(expected, SyntheticImageDataset.ViewName(spec.Azimuth));

            using var renderer = new SceneRenderer(person, spec, camera, Vec3.Zero);
            using var image = new Mat();
            for (int k = 0; k < 5; k++)
            {
                var pose = solver.Solve(MotionSampling.RandomMoment(motion, rng), Vec3.Zero);
                foreach (var (j, name) in pose.Joints.Zip(Joints.Names))
                {
                    var p = camera.Project(j);
                    Assert.True(p.X >= 0 && p.X < 160 && p.Y >= 0 && p.Y < 120, $"{exercise}/{view}: {name} at ({p.X:0.0}, {p.Y:0.0}) is outside the 160x120 frame");
                }
                renderer.Render(pose, image, rng);
            }
            Assert.Equal(new Size(160, 120), image.Size());
        }
    }

    [Fact]
    public void Out_of_frame_scenes_put_part_of_the_person_outside()
    {
        int outside = 0;
        for (int seed = 0; seed < 20; seed++)
        {
            var rng = new Random(seed);
            var person = SyntheticPerson.Random(rng);
            var spec = SceneSpec.Random(rng, new SceneOptions(OutOfFrameChance: 1), false, false);
            var solver = new BodySolver(person);
            var poses = MotionSampling.Spread(new SquatMotion(), solver, Vec3.Zero);
            var camera = spec.CameraFor(poses, person, 160, 120);
            if (poses.SelectMany(p => p.Joints).Select(camera.Project).Any(p => p.X < 0 || p.X >= 160 || p.Y < 0 || p.Y >= 120)) outside++;
        }
        Assert.True(outside >= 10, $"only {outside} of 20 out-of-frame scenes cut the person");
    }
}
