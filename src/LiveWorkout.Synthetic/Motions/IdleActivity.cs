namespace LiveWorkout.Synthetic.Motions;

/// <summary>What people do between sets.</summary>
public enum IdleActivity { Standing, WalkingAcross, Stretching, Drinking, AdjustingEquipment, WalkingAround, HandsOnHips, SittingResting, LookingAtPhone }
