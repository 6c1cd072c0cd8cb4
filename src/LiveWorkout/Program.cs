using LiveWorkout.Cli;
using LiveWorkout.Learning.Native;

// Native set-up (allocator tuning, libtorch log level) must precede the first tensor.
NativeSetup.EnsureInitialized();
return await LiveWorkoutCli.InvokeAsync(args).ConfigureAwait(false);
