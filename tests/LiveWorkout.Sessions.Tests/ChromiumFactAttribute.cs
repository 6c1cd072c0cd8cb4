using System.Diagnostics;

namespace LiveWorkout.Sessions.Tests;

/// <summary>
/// A fact that needs a Chromium browser on PATH (to render a page headless): reported as skipped
/// where there is none, as on CI with only the .NET SDK.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    public ChromiumFactAttribute()
    {
        if (Browser is null) Skip = "no chromium on PATH (apt-get install -y chromium to run it)";
    }

    /// <summary>The browser's full path, or null when none is on PATH.</summary>
    public static string? Browser { get; } = Find();

    /// <summary>Screenshots <paramref name="page"/> at 1280x1600 into <paramref name="png"/>; returns the exit code and what the browser wrote to stderr.</summary>
    public static (int ExitCode, string Errors) Screenshot(string page, string png, string profileFolder)
    {
        var start = new ProcessStartInfo(Browser ?? throw new InvalidOperationException("no chromium on PATH"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
            $"--user-data-dir={Path.Combine(profileFolder, "chromium-profile")}", $"--screenshot={png}", "--window-size=1280,1600", new Uri(page).AbsoluteUri,
        })
            start.ArgumentList.Add(a);
        using var browser = Process.Start(start)!;
        var errors = browser.StandardError.ReadToEndAsync();
        _ = browser.StandardOutput.ReadToEndAsync();
        if (!browser.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            browser.Kill(entireProcessTree: true);
            return (-1, "chromium did not finish within 120 s");
        }
        return (browser.ExitCode, errors.Result);
    }

    private static string? Find()
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (string name in Names)
            {
                string path = Path.Combine(folder, name);
                if (File.Exists(path)) return path;
            }
        return null;
    }
}
