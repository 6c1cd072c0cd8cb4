namespace LiveWorkout.Commands;

/// <summary>One line of the doctor's report; <see cref="Fix"/> says what to do when it is not OK.</summary>
public sealed record DoctorCheck(string Name, CheckStatus Status, string Detail, string? Fix = null);
