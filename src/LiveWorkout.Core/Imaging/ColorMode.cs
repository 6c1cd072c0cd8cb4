using System.Text.Json.Serialization;

namespace LiveWorkout.Core.Imaging;

/// <summary>How pixels are arranged for the model.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ColorMode>))]
public enum ColorMode { Gray, Rgb }
