namespace LiveWorkout.Synthetic;

public enum BlurKind { None, MotionHorizontal, MotionVertical, Defocus }
