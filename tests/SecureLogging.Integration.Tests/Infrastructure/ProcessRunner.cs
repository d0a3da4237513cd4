using System.Diagnostics;
using System.Text;

namespace SecureLogging.Integration.Tests.Infrastructure;

/// <summary>The outcome of one command: exit code and the interleaved stdout/stderr text.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"$ {CommandLine}\n(exit {ExitCode}, {Elapsed.TotalSeconds:F1}s)\n{Output}";
}

/// <summary>
/// Runs <c>dotnet</c> the way a user's shell would. The child gets a clean environment: the MSBuild variables the test
/// host inherits from <c>dotnet test</c> would otherwise point the child at the wrong SDK, and build servers are off so
/// that no long-lived node keeps the output pipes (and the test) open after the command ends.
/// </summary>
public static class ProcessRunner
{
    public static async Task<CommandResult> DotnetAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";

        var commandLine = "dotnet " + string.Join(' ', arguments);
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        var stdoutClosed = new TaskCompletionSource();
        var stderrClosed = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => Append(e.Data, stdoutClosed);
        process.ErrorDataReceived += (_, e) => Append(e.Data, stderrClosed);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{commandLine}' did not finish within {timeout}:\n{Snapshot()}");
        }

        // A grandchild that inherited the pipes must not hang the test: give the readers a moment, then move on.
        await Task.WhenAny(Task.WhenAll(stdoutClosed.Task, stderrClosed.Task), Task.Delay(TimeSpan.FromSeconds(10)));
        return new CommandResult(commandLine, process.ExitCode, Snapshot(), stopwatch.Elapsed);

        void Append(string? line, TaskCompletionSource closed)
        {
            if (line is null)
            {
                closed.TrySetResult();
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        string Snapshot()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
