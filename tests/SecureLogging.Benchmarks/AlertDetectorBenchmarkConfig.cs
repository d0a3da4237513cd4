using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SecureLogging.Benchmarks;

/// <summary>
/// The job of <see cref="AlertDetectorBenchmarks"/>: a short run (3 warm-up, 3 measured iterations) in process. An
/// invocation already writes 100,000 events, so no unrolling; setup builds a million records, so the in-process time
/// limit is raised from its default, which a loaded machine exceeds.
/// </summary>
public sealed class AlertDetectorBenchmarkConfig : ManualConfig
{
    public AlertDetectorBenchmarkConfig()
    {
        AddJob(Job.ShortRun
            .WithUnrollFactor(1)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
    }
}
