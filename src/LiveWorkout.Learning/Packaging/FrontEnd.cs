using System.Text.Json.Serialization;

namespace LiveWorkout.Learning.Packaging;

/// <summary>What a model package reads from each frame.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FrontEnd>))]
public enum FrontEnd
{
    /// <summary>The frame's pixels, preprocessed by the package's input spec, through a CNN.</summary>
    Pixels,

    /// <summary>Body landmarks from the pose model the package names (<see cref="PoseSpec"/>), turned into landmark features.</summary>
    Landmarks,
}
