namespace LiveWorkout.Synthetic;

/// <summary>Which side the camera sees the person from.</summary>
public enum CameraView { Any, Front, ThreeQuarter, Side }
