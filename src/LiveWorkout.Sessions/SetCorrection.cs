namespace LiveWorkout.Sessions;

/// <summary>A user's correction of a set, stored beside the original values.</summary>
public sealed record SetCorrection(long Id, long SetId, DateTimeOffset CorrectedAt, string? Exercise, int? Reps);
