using System.Text.Json;
using System.Text.Json.Serialization;
using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Learning.Data;
using LiveWorkout.Learning.Models;
using LiveWorkout.Vision.Augmentation;

namespace LiveWorkout.Learning.Training;

/// <summary>Everything that decides a training run; stored in options.json and in every checkpoint.</summary>
public sealed record TrainingOptions
{
    public required string Data { get; init; }
    public required string Output { get; init; }
    public string Architecture { get; init; } = ModelZoo.OursName;
    public int Epochs { get; init; } = 30;
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 1e-3;
    public string Optimizer { get; init; } = OptimizerNames.AdamW;
    public double Momentum { get; init; } = 0.9;
    public double WeightDecay { get; init; }
    public string Schedule { get; init; } = ScheduleNames.Constant;
    /// <summary>Epochs without a better validation accuracy before stopping; 0 never stops early.</summary>
    public int Patience { get; init; } = 10;
    public int Seed { get; init; } = 42;
    public string Device { get; init; } = "auto";
    public string Balance { get; init; } = "none";
    public int Cap { get; init; }
    public string Split { get; init; } = "0.8,0.1,0.1";
    public string Augment { get; init; } = "full";
    public int Width { get; init; }
    public int Height { get; init; }
    public IReadOnlyList<MaskRegion>? Masks { get; init; }
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);
    /// <summary>Clips: frames sampled per second of video (used when the dataset holds videos).</summary>
    public double FramesPerSecond { get; init; } = 2;
    /// <summary>A model package whose CNN weights start the run (fine-tuning); null starts from random weights.</summary>
    public string? InitFrom { get; init; }

    /// <summary>Options for <paramref name="architecture"/> with its own defaults (optimizer, lr, batch, schedule, augmentation).</summary>
    public static TrainingOptions ForArchitecture(string architecture, string data, string output)
    {
        var arch = ModelZoo.Get(architecture);
        var t = arch.Training;
        return new TrainingOptions
        {
            Data = data, Output = output, Architecture = arch.Name, Optimizer = t.Optimizer, LearningRate = t.LearningRate,
            Momentum = t.Momentum, WeightDecay = t.WeightDecay, Schedule = t.Schedule, BatchSize = t.BatchSize, Augment = t.Augment,
        };
    }

    /// <summary>The input spec: the architecture's default, resized and masked as asked.</summary>
    public InputSpec Input()
    {
        var spec = ModelZoo.Get(Architecture).Input;
        if (Width > 0 && Height > 0) spec = spec with { Width = Width, Height = Height };
        return spec with { Masks = Masks };
    }

    /// <summary>Checks every value; throws a one-line LiveWorkoutException naming the option.</summary>
    public void Validate()
    {
        ModelZoo.Get(Architecture);
        if (Epochs < 1) throw new InvalidInputException("--epochs must be at least 1");
        if (BatchSize < 1) throw new InvalidInputException("--batch must be at least 1");
        if (!(LearningRate > 0)) throw new InvalidInputException("--lr must be above 0");
        if (!OptimizerNames.All.Contains(Optimizer)) throw new InvalidInputException($"unknown --optimizer '{Optimizer}': use {string.Join(", ", OptimizerNames.All)}");
        if (!ScheduleNames.All.Contains(Schedule)) throw new InvalidInputException($"unknown --schedule '{Schedule}': use {string.Join(", ", ScheduleNames.All)}");
        if (Patience < 0) throw new InvalidInputException("--patience must be 0 (off) or more");
        if (Workers < 1) throw new InvalidInputException("--workers must be at least 1");
        if ((Width > 0) != (Height > 0)) throw new InvalidInputException("--size needs both width and height, like 112x112");
        if (!(FramesPerSecond > 0)) throw new InvalidInputException("--fps must be above 0");
        var balance = ClassBalancer.Parse(Balance);
        if (balance == BalanceMode.Cap && Cap <= 0) throw new InvalidInputException("--balance cap needs --cap N (images per class)");
        SplitRatios.Parse(Split);
        AugmentationSettings.Named(Augment);
        if (Masks is { } masks && masks.Any(m => !m.IsInsideFrame))
            throw new InvalidInputException("--mask must be x,y,w,h fractions of the frame inside 0..1, like 0,0,0.5,0.15");
        Input().Validate();
    }

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
