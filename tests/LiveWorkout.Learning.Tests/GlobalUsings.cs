// The project's own namespaces that nearly every test here uses. TorchSharp's stay in each file:
// its Scalar and Size would clash with OpenCvSharp's in the tests that draw images.
global using LiveWorkout.Core;
global using LiveWorkout.Core.Imaging;
global using LiveWorkout.Learning.Inference;
global using LiveWorkout.Learning.Models;
global using LiveWorkout.Learning.Packaging;
global using LiveWorkout.Learning.Training;
