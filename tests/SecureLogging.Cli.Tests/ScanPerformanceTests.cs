using System.Diagnostics;
using System.Text.Json;

namespace SecureLogging.Cli.Tests;

[CollectionDefinition(nameof(ScanPerformanceTests), DisableParallelization = true)]
public sealed class ScanPerformanceCollection;

[Collection(nameof(ScanPerformanceTests))]
public class ScanPerformanceTests
{
    /// <summary>A large tree gives exact results: every file analysed, every planted violation found, nothing else.</summary>
    [Fact]
    public void LargeTree_IsScannedExactly()
    {
        using var tree = new TempTree();
        LargeTree.Generate(tree.Root, 100);

        var (exit, findings, report) = CliRunner.ScanJson(tree.Root);

        Assert.Equal(0, exit);
        Assert.Equal(100, report.RootElement.GetProperty("filesAnalysed").GetInt32());
        Assert.Equal(LargeTree.ViolationsIn(100), findings.Count);
        Assert.All(findings, f => Assert.Equal("SL4002", f.Rule));
    }

    /// <summary>
    /// SPEC §7: 2,000 files in under 60 s on 2 cores. Run through the real <c>securelog</c> process (its runtimeconfig
    /// sets the JIT options the scan is tuned for; the test host's do not apply), with every rule. Opt-in
    /// (<c>SECURELOG_PERF_BUDGET=1</c>) and meant for an otherwise idle machine: on a CI runner shared with the rest of the
    /// suite the wall clock measures the neighbours, and a budget loose enough to survive them would prove nothing.
    /// </summary>
    [PerfBudgetFact]
    public void TwoThousandFiles_AreScannedWithinTheTwoCoreMinuteBudget()
    {
        using var tree = new TempTree();
        LargeTree.Generate(tree.Root, 2000);
        var cli = Path.Combine(AppContext.BaseDirectory, "securelog.dll");
        var report = Path.Combine(Path.GetTempPath(), "securelog-perf-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { cli, "scan", tree.Root, "--format", "json", "--output", report })
            {
                start.ArgumentList.Add(arg);
            }

            var stopwatch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), "scan did not finish in 10 minutes");
            stopwatch.Stop();

            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stderr.Result}");
            using var json = JsonDocument.Parse(File.ReadAllText(report));
            Assert.Equal(2000, json.RootElement.GetProperty("filesAnalysed").GetInt32());
            Assert.Equal(LargeTree.ViolationsIn(2000), json.RootElement.GetProperty("findings").GetArrayLength());
            var measured = $"scan of 2,000 files took {stopwatch.Elapsed.TotalSeconds:0.0} s wall";
            Console.WriteLine(measured);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), measured);
        }
        finally
        {
            File.Delete(report);
        }
    }
}

/// <summary>A fact that runs only when <c>SECURELOG_PERF_BUDGET=1</c>, and is reported as skipped otherwise.</summary>
public sealed class PerfBudgetFactAttribute : FactAttribute
{
    public PerfBudgetFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SECURELOG_PERF_BUDGET") != "1")
        {
            Skip = "Time budget: set SECURELOG_PERF_BUDGET=1 on an otherwise idle machine.";
        }
    }
}
