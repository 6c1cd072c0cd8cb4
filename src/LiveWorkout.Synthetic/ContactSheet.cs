using LiveWorkout.Core;
using LiveWorkout.Synthetic.Motions;
using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>
/// A contact sheet of the synthetic world: one row per class (name at the row start), each cell a
/// different person, scene, camera (front, three-quarter, side in turn) and variant of the
/// exercise (idle: activity), caught mid-movement.
/// Without camera effects (noise, blur, JPEG) the sheet compresses to a small PNG.
/// </summary>
public static class ContactSheet
{
    public static Mat Render(int seed, int columns = 6, int cellWidth = 160, int cellHeight = 120, bool cameraEffects = true)
    {
        const int labelWidth = 172;
        var classes = ExerciseCatalog.All;
        var sheet = new Mat(classes.Count * cellHeight, labelWidth + columns * cellWidth, MatType.CV_8UC3, Scalar.All(255));
        using var cell = new Mat();
        CameraView[] views = [CameraView.Front, CameraView.ThreeQuarter, CameraView.Side];
        for (int row = 0; row < classes.Count; row++)
        {
            Cv2.PutText(sheet, classes[row], new Point(6, row * cellHeight + cellHeight / 2 + 5), HersheyFonts.HersheySimplex, 0.45, Scalar.All(0), 1, LineTypes.AntiAlias);
            for (int col = 0; col < columns; col++)
            {
                var rng = new Random(SeedMix.Of(seed, row, col));
                var motion = ExerciseCatalog.IsIdle(classes[row])
                    ? new IdleMotion(IdleMotion.Activities[col % IdleMotion.Activities.Count])
                    : ExerciseMotion.For(classes[row], MotionVariants.Of(classes[row])[col % MotionVariants.Of(classes[row]).Count]);
                var person = SyntheticPerson.Random(rng);
                var spec = SceneSpec.Random(rng, new SceneOptions(views[col % views.Length], OcclusionChance: 0), motion.UsesBar, motion.IsOnFloor);
                if (!cameraEffects) spec = spec with { Effects = EffectSettings.None };
                var solver = new BodySolver(person);
                var camera = spec.CameraFor(MotionSampling.Spread(motion, solver, Vec3.Zero), person, cellWidth, cellHeight);
                using var renderer = new SceneRenderer(person, spec, camera, Vec3.Zero);
                // Show the movement near its extreme, where classes differ most.
                var angles = motion is IdleMotion idle ? idle.AtTime(1 + rng.NextDouble() * 6, 8) : motion.At(0.3 + rng.NextDouble() * 0.2, 1, col);
                renderer.Render(solver.Solve(angles, Vec3.Zero), cell, rng);
                using var target = new Mat(sheet, new Rect(labelWidth + col * cellWidth, row * cellHeight, cellWidth, cellHeight));
                cell.CopyTo(target);
            }
        }
        return sheet;
    }
}
