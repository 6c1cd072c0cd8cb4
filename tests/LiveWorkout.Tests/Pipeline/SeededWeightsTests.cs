using LiveWorkout.Core;
using LiveWorkout.Learning.Models;
using static TorchSharp.torch;

namespace LiveWorkout.Tests.Pipeline;

public sealed class SeededWeightsTests
{
    [Fact]
    public void A_seed_draws_the_same_network_whatever_else_draws_from_the_global_generator()
    {
        using var first = ModelZoo.Create("kimcnn", ExerciseCatalog.Ten.Count);
        using var second = ModelZoo.Create("kimcnn", ExerciseCatalog.Ten.Count);
        using var third = ModelZoo.Create("kimcnn", ExerciseCatalog.Ten.Count);

        SeededWeights.Redraw(first, seed: 3);
        using (rand(1000)) { } // another test drawing from the global generator meanwhile
        SeededWeights.Redraw(second, seed: 3);
        SeededWeights.Redraw(third, seed: 4);

        var a = first.parameters().ToList();
        var b = second.parameters().ToList();
        var c = third.parameters().ToList();
        Assert.All(a.Zip(b), p => Assert.True(p.First.equal(p.Second).all().item<bool>()));
        Assert.Contains(a.Zip(c), p => !p.First.equal(p.Second).all().item<bool>());
        // Within PyTorch's default bound: the first convolution sees 3 x 3 x 3 inputs.
        Assert.InRange(a[0].abs().max().item<float>(), 0.1f, 1 / MathF.Sqrt(27));
    }
}
