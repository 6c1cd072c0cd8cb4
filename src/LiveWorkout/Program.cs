using LiveWorkout.Cli;

return await LiveWorkoutCli.InvokeAsync(args).ConfigureAwait(false);
