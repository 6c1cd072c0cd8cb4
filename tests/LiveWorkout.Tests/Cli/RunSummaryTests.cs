using LiveWorkout.Cli;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Pipeline;

namespace LiveWorkout.Tests.Cli;

public class RunSummaryTests
{
    private static string Summary(params RecognizedSet[] sets)
    {
        var result = new RecognitionResult(null, [], sets, [], [], 300, 0, 0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), [], [], "cpu");
        var output = new StringWriter();
        RunSummary.Print(result, new RecognitionSettings { Source = "clip.mp4", ModelPath = "models/landmarks" }, output);
        return output.ToString();
    }

    private static RecognizedSet Set(string exercise, int reps) =>
        new(exercise, TimeSpan.Zero, TimeSpan.FromSeconds(10), reps, [], 0.9, null);

    [Fact]
    public void The_closing_line_counts_sets_in_words_that_agree_with_the_number()
    {
        Assert.Contains("0 sets: none recognised", Summary(), StringComparison.Ordinal);
        Assert.Contains("1 set: Bicep curl x5", Summary(Set("bicep_curl", 5)), StringComparison.Ordinal);
        Assert.Contains("2 sets: Bicep curl x5, Squat x8", Summary(Set("bicep_curl", 5), Set("squat", 8)), StringComparison.Ordinal);
    }
}
