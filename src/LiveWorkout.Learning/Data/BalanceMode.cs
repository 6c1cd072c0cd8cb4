namespace LiveWorkout.Learning.Data;

/// <summary>How to even out classes of different sizes in the training split (seed 1 rebalanced its data).</summary>
public enum BalanceMode { None, Cap, Oversample, Weighted }
