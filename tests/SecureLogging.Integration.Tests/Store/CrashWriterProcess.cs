using System.Diagnostics;
using System.Text;

namespace SecureLogging.Integration.Tests.Store;

/// <summary>Runs the SecureLogging.CrashWriter child (built next to the tests) and kills it with SIGKILL.</summary>
internal sealed class CrashWriterProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CrashWriterProcess(string storeDirectory, string keyFile, string mode)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SecureLogging.CrashWriter.dll"));
        start.ArgumentList.Add(storeDirectory);
        start.ArgumentList.Add(keyFile);
        start.ArgumentList.Add(mode);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static CrashWriterProcess StartForever(string storeDirectory, string keyFile) => new(storeDirectory, keyFile, "forever");

    /// <summary>Runs the child to completion, writing <paramref name="count"/> events and closing the store.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string storeDirectory, string keyFile, int count)
    {
        using var child = new CrashWriterProcess(storeDirectory, keyFile, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await child._process.WaitForExitAsync(timeout.Token);
        child._process.WaitForExit();
        return (child._process.ExitCode, child.Output);
    }

    public Task WaitReadyAsync(TimeSpan timeout) => _ready.Task.WaitAsync(timeout);

    /// <summary>SIGKILL: no finally block, no dispose, no flush runs in the child.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(30_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line == "ready")
        {
            _ready.TrySetResult();
        }
    }
}
