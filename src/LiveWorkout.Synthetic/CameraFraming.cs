namespace LiveWorkout.Synthetic;

/// <summary>
/// Chooses focal length and principal point so that every pose of a movement lands where the
/// framing asks. Projection is linear in both, so the fit is exact: project at unit focal length,
/// measure the extent, scale and shift.
/// </summary>
public static class CameraFraming
{
    public static SyntheticCamera Fit(SyntheticCamera camera, IEnumerable<BodyPose> poses, SyntheticPerson person, Framing framing)
    {
        var unit = new SyntheticCamera(camera.Position, camera.Target, camera.Roll, 1, 0, 0, camera.Width, camera.Height, false);
        double x0 = double.MaxValue, y0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue;
        double margin = person.HeadRadius * 1.2; // joints are centres; the body's outline is wider
        foreach (var pose in poses)
            foreach (var j in pose.Joints)
            {
                var p = unit.Project(j);
                double m = margin / Math.Max(p.Depth, 0.1);
                x0 = Math.Min(x0, p.X - m); x1 = Math.Max(x1, p.X + m);
                y0 = Math.Min(y0, p.Y - m); y1 = Math.Max(y1, p.Y + m);
            }
        double focal = Math.Min(framing.Fill * camera.Width / Math.Max(x1 - x0, 1e-6), framing.Fill * camera.Height / Math.Max(y1 - y0, 1e-6));
        double centreX = camera.Mirror ? 1 - framing.CenterX : framing.CenterX; // the mirror flips the image after projection
        double cx = centreX * camera.Width - focal * (x0 + x1) / 2;
        double cy = framing.CenterY * camera.Height - focal * (y0 + y1) / 2;
        return camera.WithIntrinsics(focal, cx, cy);
    }
}
