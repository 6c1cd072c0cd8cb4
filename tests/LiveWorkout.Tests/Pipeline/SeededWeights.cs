using TorchSharp;
using static TorchSharp.torch;

namespace LiveWorkout.Tests.Pipeline;

/// <summary>
/// Redraws a new network's weights from a stream of its own. Tests run in parallel, and any of them
/// may draw from torch's one global generator between another's <c>manual_seed</c> and its model's
/// creation; an untrained fixture model drawn here is the same in every run.
/// </summary>
public static class SeededWeights
{
    /// <summary>
    /// Each weight uniform within PyTorch's default bound, 1/sqrt(fan-in), and its bias within its
    /// weight's; parameters a layer starts constant (a norm's scale and shift) are left as they are.
    /// </summary>
    public static void Redraw(nn.Module network, int seed)
    {
        var rng = new Random(seed);
        var parameters = network.named_parameters().ToList();
        var bounds = new Dictionary<string, double>(StringComparer.Ordinal);
        using var noGrad = no_grad();
        foreach (var (name, p) in parameters.Where(np => np.parameter.dim() > 1))
        {
            double bound = 1 / Math.Sqrt(p.shape.Skip(1).Aggregate(1L, (a, b) => a * b));
            bounds[Layer(name)] = bound;
            Fill(p, bound, rng);
        }
        foreach (var (name, p) in parameters.Where(np => np.parameter.dim() <= 1))
            if (bounds.TryGetValue(Layer(name), out double bound)) Fill(p, bound, rng);
    }

    /// <summary>The layer a parameter belongs to: its name without the last part (weight, bias).</summary>
    private static string Layer(string name) => name.LastIndexOf('.') is var dot and >= 0 ? name[..dot] : "";

    private static void Fill(Tensor parameter, double bound, Random rng)
    {
        var values = new float[parameter.numel()];
        for (int i = 0; i < values.Length; i++) values[i] = (float)((rng.NextDouble() * 2 - 1) * bound);
        using var drawn = tensor(values).reshape(parameter.shape).to(parameter.device);
        parameter.copy_(drawn);
    }
}
