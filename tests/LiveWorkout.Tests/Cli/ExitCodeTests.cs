using LiveWorkout.Cli;
using LiveWorkout.Core;

namespace LiveWorkout.Tests.Cli;

public class ExitCodeTests
{
    [Fact]
    public void What_the_user_gave_exits_2_and_work_that_failed_exits_1()
    {
        Assert.Equal(("error: bad --size", 2), CommandRunner.Describe(new InvalidInputException("bad --size")));
        foreach (var failure in new LiveWorkoutException[]
                 {
                     new ModelFileException("m"), new SourceUnavailableException("m"), new StorageException("m"),
                     new EnvironmentException("m"), new OperationFailedException("m"),
                 })
            Assert.Equal(("error: m", 1), CommandRunner.Describe(failure));
    }
}
