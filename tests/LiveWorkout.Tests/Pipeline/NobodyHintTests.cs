using LiveWorkout.Pipeline;

namespace LiveWorkout.Tests.Pipeline;

public sealed class NobodyHintTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void The_hint_shows_only_after_a_while_with_nobody_and_goes_when_the_person_is_back()
    {
        var hint = new NobodyHint();
        Assert.Null(hint.Update(personFound: true, S(0)));
        Assert.Null(hint.Update(personFound: false, S(1)));   // a moment without the person
        Assert.Null(hint.Update(personFound: false, S(2.4)));
        Assert.Equal(NobodyHint.Text, hint.Update(personFound: false, S(2.5)));
        Assert.Equal(NobodyHint.Text, hint.Update(personFound: false, S(10)));
        Assert.Null(hint.Update(personFound: true, S(10.1)));
        Assert.Null(hint.Update(personFound: false, S(10.2))); // the wait starts again
        Assert.Null(hint.Update(personFound: false, S(11.6)));
        Assert.Equal(NobodyHint.Text, hint.Update(personFound: false, S(11.7)));
    }
}
