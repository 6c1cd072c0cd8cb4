namespace LiveWorkout.Sessions;

public enum StatsPeriod { All, Day, Week }
