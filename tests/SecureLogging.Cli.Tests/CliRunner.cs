using System.Text.Json;

namespace SecureLogging.Cli.Tests;

/// <summary>Runs the CLI in-process with captured stdout/stderr (the same code path as <c>Main</c>).</summary>
internal static class CliRunner
{
    // The analyzers and MSBuildLocator are process-wide; scans run one at a time so timings and state stay honest.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        Gate.Wait();
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = Program.Run(args, stdout, stderr);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Scan with <c>--format json</c>; returns the exit code and the findings as (rule, file, line, column, severity).</summary>
    public static (int ExitCode, IReadOnlyList<(string Rule, string File, int Line, int Column, string Severity)> Findings, JsonDocument Report) ScanJson(params string[] args)
    {
        var (exit, stdout, stderr) = Run(["scan", .. args, "--format", "json"]);
        Assert.True(exit is 0 or 1, $"exit {exit}: {stderr}");
        var report = JsonDocument.Parse(stdout);
        var findings = report.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("file").GetString()!, f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32(), f.GetProperty("severity").GetString()!))
            .ToArray();
        return (exit, findings, report);
    }
}

/// <summary>A temporary folder of source files, deleted afterwards.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "securelog-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
