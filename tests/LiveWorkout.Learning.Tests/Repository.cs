namespace LiveWorkout.Learning.Tests;

/// <summary>The checkout the tests were built from, for the files the product ships (models/pose).</summary>
internal static class Repository
{
    /// <summary>The first folder above the test binaries holding LiveWorkout.sln.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LiveWorkout.sln"))) return dir.FullName;
        Assert.Fail($"no LiveWorkout.sln above {AppContext.BaseDirectory}: run the tests from a checkout");
        return "";
    }
}
