namespace LiveWorkout.Hosting;

/// <summary>A configuration key no options section reads (a typo would otherwise be ignored without a word); its message names the key, where it came from and the closest known key.</summary>
public sealed class UnknownSettingException(string message) : Exception(message);
