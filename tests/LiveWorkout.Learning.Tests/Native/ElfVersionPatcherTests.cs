using System.Security.Cryptography;
using LiveWorkout.Build;

namespace LiveWorkout.Learning.Tests.Native;

/// <summary>The build's native patch step (build/ElfVersionPatcher.cs), on the real libLibTorchSharp.so.</summary>
public sealed class ElfVersionPatcherTests : IDisposable
{
    private const string Version = "GLIBCXX_3.4.32";
    private static readonly string[] Allowed = ["_ZSt21ios_base_library_initv"];
    private readonly string _dir = Directory.CreateTempSubdirectory("lw-elf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string PackageCacheCopy()
    {
        string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                      ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string path = Path.Combine(root, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(path), $"restore puts TorchSharp's native library at {path}");
        return path;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true, CharSet = System.Runtime.InteropServices.CharSet.Ansi, BestFitMapping = false)]
    private static extern int link(string existing, string newPath);

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [LinuxFact]
    public void Patching_is_idempotent_and_only_touches_the_one_requirement()
    {
        string cache = PackageCacheCopy();
        string copy = Path.Combine(_dir, "libLibTorchSharp.so");
        File.Copy(cache, copy);
        var before = ElfVersionPatcher.Inspect(copy, Version);
        Assert.True(before.Required);
        Assert.False(before.Weak);
        Assert.Equal(Allowed, before.Symbols);

        Assert.Equal(ElfPatchOutcome.Patched, ElfVersionPatcher.WeakenRequirement(copy, Version, Allowed, out _));
        byte[] once = File.ReadAllBytes(copy);
        Assert.Equal(ElfPatchOutcome.AlreadyWeak, ElfVersionPatcher.WeakenRequirement(copy, Version, Allowed, out _));
        Assert.Equal(once, File.ReadAllBytes(copy));

        // One byte (the low byte of vna_flags) differs from the original.
        byte[] original = File.ReadAllBytes(cache);
        Assert.Equal(original.Length, once.Length);
        Assert.Single(Enumerable.Range(0, original.Length), i => original[i] != once[i]);
        Assert.True(ElfVersionPatcher.Inspect(copy, Version).Weak);
    }

    [LinuxFact]
    public void The_package_cache_is_never_modified_even_through_a_hard_link()
    {
        string cache = PackageCacheCopy();
        string cacheHash = Hash(cache);
        Assert.False(ElfVersionPatcher.Inspect(cache, Version).Weak);

        // MSBuild may hard-link copy-local files; the patch must then write a new file, not through the link.
        string original = Path.Combine(_dir, "original.so");
        string linked = Path.Combine(_dir, "linked.so");
        File.Copy(cache, original);
        Assert.Equal(0, link(original, linked));
        ElfVersionPatcher.WeakenRequirement(linked, Version, Allowed, out _);
        Assert.True(ElfVersionPatcher.Inspect(linked, Version).Weak);
        Assert.Equal(cacheHash, Hash(original));
        Assert.Equal(cacheHash, Hash(cache));
    }

    [LinuxFact]
    public void The_build_output_copy_is_patched_exactly_when_the_host_lacks_the_version()
    {
        // linux-x64 builds put native files beside the assemblies; a RID-less build keeps them under runtimes/.
        string output = new[] { AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native") }
            .Select(dir => Path.Combine(dir, "libLibTorchSharp.so")).FirstOrDefault(File.Exists) ?? "";
        string? host = ElfVersionPatcher.FindHostLibStdCxx();
        Assert.True(File.Exists(output), "the build copies libLibTorchSharp.so into the output");
        Assert.NotNull(host);
        bool hostHasIt = ElfVersionPatcher.DefinesVersion(host!, Version);
        Assert.Equal(!hostHasIt, ElfVersionPatcher.Inspect(output, Version).Weak);
    }

    [LinuxFact]
    public void A_version_that_real_code_needs_is_refused()
    {
        string cache = PackageCacheCopy();
        string copy = Path.Combine(_dir, "lib.so");
        File.Copy(cache, copy);
        byte[] before = File.ReadAllBytes(copy);
        // Many symbols bind to CXXABI_1.3.5; weakening it would hide a real gap.
        var outcome = ElfVersionPatcher.WeakenRequirement(copy, "CXXABI_1.3.5", Allowed, out string detail);
        Assert.Equal(ElfPatchOutcome.Refused, outcome);
        Assert.Contains("not patched", detail, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(copy));
    }

    [Fact]
    public void Files_that_are_not_elf_are_rejected()
    {
        string path = Path.Combine(_dir, "text.so");
        File.WriteAllText(path, "not a library at all, just text that is long enough to look at..........");
        Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.Inspect(path, Version));
    }
}
