namespace LiveWorkout.Commands;

public enum CheckStatus { Ok, Warn, Fail }
