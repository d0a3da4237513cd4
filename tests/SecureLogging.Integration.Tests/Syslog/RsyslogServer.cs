using System.Diagnostics;
using System.Text;
using SecureLogging.Integration.Tests.Infrastructure;

namespace SecureLogging.Integration.Tests.Syslog;

/// <summary>
/// The private rsyslogd the syslog tests talk to, driven by <c>rsyslog/rsyslog-ctl.sh</c> (the script <c>.ci/services</c>
/// starts it with): plain TCP and TLS listeners on 127.0.0.1, every message appended raw to one output file.
/// </summary>
public sealed class RsyslogServer
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    public RsyslogServer()
    {
        // Without rsyslogd every test of the collection is skipped (or, under CI, fails in Require()).
        if (!IsInstalled)
        {
            OutputFile = CaCertificate = ServerCertificate = string.Empty;
            return;
        }

        Run("start");
        var settings = Run("env").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
        TcpPort = int.Parse(settings["SL_RSYSLOG_TCP_PORT"], System.Globalization.CultureInfo.InvariantCulture);
        TlsPort = int.Parse(settings["SL_RSYSLOG_TLS_PORT"], System.Globalization.CultureInfo.InvariantCulture);
        OutputFile = settings["SL_RSYSLOG_OUTPUT"];
        CaCertificate = settings["SL_RSYSLOG_CA"];
        ServerCertificate = settings["SL_RSYSLOG_SERVER_CERT"];
    }

    public static string Script { get; } = Path.Combine(RepositoryPaths.Root, "tests", "SecureLogging.Integration.Tests", "rsyslog", "rsyslog-ctl.sh");

    public static bool IsInstalled =>
        File.Exists("/usr/sbin/rsyslogd")
        || (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(p => p.Length > 0 && File.Exists(Path.Combine(p, "rsyslogd")));

    public int TcpPort { get; }

    public int TlsPort { get; }

    public string OutputFile { get; }

    public string CaCertificate { get; }

    public string ServerCertificate { get; }

    /// <summary>Throws when rsyslogd is missing: under CI a missing rsyslog is a failure, not a skip.</summary>
    public void Require()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException(RsyslogFactAttribute.NotInstalledMessage);
        }
    }

    public void Restart() => Run("restart");

    public void Stop() => Run("stop");

    public void Start() => Run("start");

    /// <summary>The messages (raw, as received) whose APP-NAME is <paramref name="appName"/>.</summary>
    public IReadOnlyList<SyslogLine> Read(string appName)
    {
        using var stream = new FileStream(OutputFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<SyslogLine>();
        var marker = " " + appName + " ";
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                var parsed = SyslogLine.Parse(line);
                if (parsed.AppName == appName)
                {
                    lines.Add(parsed);
                }
            }
        }

        return lines;
    }

    /// <summary>Polls the output file until <paramref name="done"/> holds for the messages of <paramref name="appName"/>, for at most <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<SyslogLine>> WaitForAsync(string appName, Func<IReadOnlyList<SyslogLine>, bool> done, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var lines = Read(appName);
            if (done(lines) || stopwatch.Elapsed > timeout)
            {
                return lines;
            }

            await Task.Delay(100);
        }
    }

    private static string Run(string command)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ScriptTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rsyslog-ctl.sh {command} did not finish within {ScriptTimeout}.");
        }

        if (!Task.WaitAll([stdout, stderr], ScriptTimeout) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rsyslog-ctl.sh {command} failed (exit {process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }

        return stdout.Result;
    }
}

[CollectionDefinition(Name)]
public sealed class RsyslogCollection : ICollectionFixture<RsyslogServer>
{
    // One rsyslogd for all syslog tests, which run one after another because some restart or stop it.
    public const string Name = "rsyslog";
}
