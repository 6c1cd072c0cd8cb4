using LiveWorkout.Core.Annotations;
using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>What was written for one clip.</summary>
public sealed record WrittenClip(string VideoPath, string LabelsPath, int Frames, ClipAnnotation Labels);
