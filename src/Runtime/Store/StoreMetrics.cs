using System.Diagnostics.Metrics;

namespace SecureLogging;

/// <summary>
/// The store's counters as System.Diagnostics.Metrics instruments (meter <c>SecureLogging</c>), so OpenTelemetry
/// or <c>dotnet-counters</c> can alert on drops and write failures. Adding to an instrument nobody listens to is free.
/// </summary>
internal static class StoreMetrics
{
    private static readonly Meter Meter = new("SecureLogging");
    private static readonly Counter<long> WrittenCounter = Meter.CreateCounter<long>("securelogging.store.events_written", "{event}", "Security events written to the tamper-evident store.");
    private static readonly Counter<long> DroppedCounter = Meter.CreateCounter<long>("securelogging.store.events_dropped", "{event}", "Security events that never reached the tamper-evident store, by reason.");
    private static readonly Counter<long> ErrorCounter = Meter.CreateCounter<long>("securelogging.store.write_errors", "{error}", "I/O failures of the tamper-evident store.");

    public static void Written(long count) => WrittenCounter.Add(count);

    public static void Dropped(long count, string reason) => DroppedCounter.Add(count, new KeyValuePair<string, object?>("reason", reason));

    public static void WriteError() => ErrorCounter.Add(1);
}
