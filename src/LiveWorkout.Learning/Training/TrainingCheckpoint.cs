using System.Text.Json;
using LiveWorkout.Core;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Training;

/// <summary>
/// A resumable checkpoint folder: model.dat, optimizer.dat (its moment buffers) and
/// checkpoint.json (<see cref="TrainingState"/>). Written to temporary names and moved, so an
/// interrupted write leaves the previous checkpoint intact.
/// </summary>
public static class TrainingCheckpoint
{
    public const string StateFile = "checkpoint.json";
    private const string WeightsFile = "model.dat";
    private const string OptimizerFile = "optimizer.dat";

    public static bool Exists(string folder) => File.Exists(Path.Combine(folder, StateFile));

    public static void Save(string folder, Module<Tensor, Tensor> network, TorchSharp.Modules.OptimizerHelper optimizer, TrainingState state)
    {
        Directory.CreateDirectory(folder);
        string weights = Path.Combine(folder, WeightsFile), opt = Path.Combine(folder, OptimizerFile), json = Path.Combine(folder, StateFile);
        network.save(weights + ".tmp");
        optimizer.save_state_dict(opt + ".tmp");
        File.WriteAllText(json + ".tmp", JsonSerializer.Serialize(state, TrainingOptions.Json));
        File.Move(weights + ".tmp", weights, overwrite: true);
        File.Move(opt + ".tmp", opt, overwrite: true);
        File.Move(json + ".tmp", json, overwrite: true);
    }

    public static TrainingState ReadState(string folder)
    {
        string json = Path.Combine(folder, StateFile);
        if (!File.Exists(json)) throw new InvalidInputException($"--resume: no checkpoint in '{folder}' (expected {StateFile}); start without --resume");
        try
        {
            return JsonSerializer.Deserialize<TrainingState>(File.ReadAllText(json), TrainingOptions.Json)
                   ?? throw new InvalidInputException($"--resume: {json} is empty; start without --resume");
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"--resume: {json} is damaged ({e.Message.Split('.')[0]}); start without --resume");
        }
    }

    /// <summary>Loads weights and optimizer state saved by <see cref="Save"/> into freshly built ones.</summary>
    public static void Restore(string folder, Module<Tensor, Tensor> network, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        try
        {
            network.load(Path.Combine(folder, WeightsFile), strict: true);
            string opt = Path.Combine(folder, OptimizerFile);
            if (File.Exists(opt)) optimizer.load_state_dict(opt);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or System.Runtime.InteropServices.ExternalException)
        {
            throw new InvalidInputException($"--resume: the checkpoint in '{folder}' does not fit this model ({e.Message.Split('\n')[0]}); start without --resume");
        }
    }
}
