namespace LiveWorkout.Synthetic;

/// <summary>What the hands hold; a barbell is drawn as a bar through both hands.</summary>
public enum HeldProp { None, Dumbbells, Bottle, Barbell }
