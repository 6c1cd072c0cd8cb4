namespace LiveWorkout.Synthetic;

/// <summary>
/// What the hands hold; a barbell is drawn as a bar through both hands, a cable handle as a bar
/// between the hands on a cable rising to a pulley overhead.
/// </summary>
public enum HeldProp { None, Dumbbells, Bottle, Barbell, CableHandle }
