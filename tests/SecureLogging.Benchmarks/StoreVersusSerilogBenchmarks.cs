using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Formatting.Compact;

namespace SecureLogging.Benchmarks;

/// <summary>
/// The same application code — <c>logger.LogLoginFailed(user, reason)</c> through Microsoft.Extensions.Logging, 20,000
/// times — with the events going either to the SecureLogging chained store or to Serilog's file sink with its
/// compact JSON formatter. Measured end to end in one run: from the first call until the provider is disposed and
/// every event is in the file. Same flush policy: every event handed to the OS, none fsynced (Serilog
/// <c>buffered: false</c> flushes after each event; the store writes each batch with
/// <see cref="StoreDurability.OperatingSystem"/>). Allocations are counted on every thread (the store's writer
/// thread included). Results are per event (<c>OperationsPerInvoke</c>).
/// </summary>
[MemoryDiagnoser]
public class StoreVersusSerilogBenchmarks
{
    private const int Events = 20_000;
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
    private static readonly string[] Users = Enumerable.Range(0, 100).Select(i => "user" + i + "@example.com").ToArray();

    private string _directory = string.Empty;
    private ServiceProvider? _services;
    private Microsoft.Extensions.Logging.ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    [IterationSetup(Target = nameof(SerilogFileCompactJson))]
    public void SetupSerilog()
    {
        _directory = NewDirectory();
        var serilog = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.File(new CompactJsonFormatter(), Path.Combine(_directory, "serilog.jsonl"), buffered: false)
            .CreateLogger();
        Build(services => services.AddLogging(b => b.ClearProviders().AddSerilog(serilog, dispose: true)));
    }

    [IterationSetup(Target = nameof(ChainedStore))]
    public void SetupStore() => SetupStore(StoreDurability.OperatingSystem);

    [IterationSetup(Target = nameof(ChainedStoreFsyncPerBatch))]
    public void SetupStoreFsync() => SetupStore(StoreDurability.FlushToDiskPerBatch);

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public void SerilogFileCompactJson() => LogAndDispose();

    [Benchmark(OperationsPerInvoke = Events)]
    public void ChainedStore() => LogAndDispose();

    [Benchmark(OperationsPerInvoke = Events)]
    public void ChainedStoreFsyncPerBatch() => LogAndDispose();

    [IterationCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "securelog-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    private void SetupStore(StoreDurability durability)
    {
        _directory = NewDirectory();
        Build(services =>
        {
            services.AddLogging(b => b.ClearProviders());
            services.AddSecureLogging(o =>
            {
                o.StoreDirectory = _directory;
                o.ChainKey = Key;
                o.Store.Durability = durability;
                o.Store.QueueCapacity = Events;
            });
        });

        // The store opens its file on its writer thread: wait, as Serilog's file is open once its logger exists.
        var store = _services!.GetRequiredService<SecurityEventStore>();
        while (store.Statistics.ActiveFile is null)
        {
            Thread.Sleep(1);
        }
    }

    private void Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        _services = services.BuildServiceProvider();
        _logger = _services.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.Accounts");
    }

    private void LogAndDispose()
    {
        for (var i = 0; i < Events; i++)
        {
            _logger.LogLoginFailed(Users[i % Users.Length], "bad password");
        }

        // End to end: disposing flushes and closes the file (the store drains its queue and writes store.closed).
        _services!.Dispose();
    }
}
