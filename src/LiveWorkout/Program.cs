using LiveWorkout.Cli;
using LiveWorkout.Learning.Native;

// Native libraries' own stderr chatter stays off the terminal unless --verbose.
NativeOutput.SilenceUnlessVerbose(args);
// Native set-up (allocator tuning, libtorch log level) must precede the first tensor.
NativeSetup.EnsureInitialized();
return await LiveWorkoutCli.InvokeAsync(args).ConfigureAwait(false);
