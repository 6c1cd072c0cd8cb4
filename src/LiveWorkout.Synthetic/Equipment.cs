namespace LiveWorkout.Synthetic;

/// <summary>
/// What a bench or machine gives the body to rest on besides the floor, drawn under it: a seat
/// under the pelvis, a pad along the back (a flat or decline bench), or both (an incline bench, a
/// backed seat). The joints are the same either way: motions already put the body at its height.
/// </summary>
[Flags]
public enum Equipment
{
    None = 0,
    Seat = 1,
    BackPad = 2,
    BackedSeat = Seat | BackPad,
}
