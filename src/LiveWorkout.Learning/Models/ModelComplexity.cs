using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LiveWorkout.Learning.Models;

/// <summary>Size and compute of a network for one input image.</summary>
public sealed record ModelComplexity(long Parameters, long MacsPerImage)
{
    /// <summary>
    /// Counts parameters, and multiply-accumulates of every convolution and linear layer for one
    /// image (out elements x in-channels/groups x kernel area; in x out for linear). Output
    /// shapes come from one forward pass on a zero image, so residual or unusual wiring is
    /// counted without re-deriving each architecture by hand.
    /// </summary>
    public static ModelComplexity Measure(Module<Tensor, Tensor> model, int channels, int height, int width)
    {
        long parameters = model.parameters().Sum(p => p.numel());
        long macs = 0;
        var removers = new List<Action>();
        foreach (var (_, module) in model.named_modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    var convHook = conv.register_forward_hook((m, input, output) =>
                    {
                        var c = (Conv2d)m;
                        long kernel = c.weight!.shape[1] * c.weight.shape[2] * c.weight.shape[3];
                        macs += output.numel() / output.shape[0] * kernel;
                        return output;
                    });
                    removers.Add(convHook.remove);
                    break;
                case Linear linear:
                    var linearHook = linear.register_forward_hook((m, input, output) =>
                    {
                        var l = (Linear)m;
                        macs += output.numel() / output.shape[0] * l.weight!.shape[1];
                        return output;
                    });
                    removers.Add(linearHook.remove);
                    break;
            }
        }
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var _ = inference_mode();
            var device = model.parameters().First().device;
            model.call(zeros(1, channels, height, width, device: device));
        }
        finally
        {
            foreach (var remove in removers) remove();
            model.train(wasTraining);
        }
        return new ModelComplexity(parameters, macs);
    }
}
