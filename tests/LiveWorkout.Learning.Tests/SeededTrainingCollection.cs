namespace LiveWorkout.Learning.Tests;

/// <summary>
/// Tests that train with a fixed seed and check what was learnt. libtorch's random generator is
/// global to the process, so these run alone, after the parallel tests: another test creating a
/// module meanwhile would draw from it and change the weights a seed gives.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededTrainingCollection
{
    public const string Name = "Seeded training";
}
