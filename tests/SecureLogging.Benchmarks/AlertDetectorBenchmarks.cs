using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace SecureLogging.Benchmarks;

/// <summary>
/// Throughput of <see cref="SecurityAlertDetector.Write"/> on one thread (one core), per event, with allocations per
/// event. Records are built in setup, so this measures the detectors, not record creation. Two streams of 1,000,000
/// events: ordinary traffic from 50,000 users with some attacks in it, and a flood where every event is a failure for a
/// new account from a new address (the worst case for the bounded tables).
/// Run: dotnet run -c Release --project tests/SecureLogging.Benchmarks -- --filter '*Detector*'
/// </summary>
/// <remarks>
/// The job is <see cref="AlertDetectorBenchmarkConfig"/>'s, in process: an out-of-process job rebuilds the whole
/// solution (analyzers included) under BenchmarkDotNet's two-minute build timeout, which a busy machine misses. Give no
/// <c>--job</c> or <c>--inProcess</c> on the command line: that would add a second job, not replace this one.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(AlertDetectorBenchmarkConfig))]
public class AlertDetectorBenchmarks
{
    private const int Events = 1_000_000;
    private const int PerInvoke = 100_000;
    private SecurityEventRecord[] _mixed = Array.Empty<SecurityEventRecord>();
    private SecurityEventRecord[] _flood = Array.Empty<SecurityEventRecord>();
    private SecurityAlertDetector _mixedDetector = null!;
    private SecurityAlertDetector _floodDetector = null!;
    private int _mixedOffset;
    private int _floodOffset;

    [GlobalSetup(Target = nameof(MixedTraffic))]
    public void SetupMixed()
    {
        _mixed = BuildMixed();
        _mixedDetector = new SecurityAlertDetector(new SecureLoggingAlertOptions());
    }

    [GlobalSetup(Target = nameof(DistinctKeyFlood))]
    public void SetupFlood()
    {
        _flood = BuildFlood();
        _floodDetector = new SecurityAlertDetector(new SecureLoggingAlertOptions());
    }

    /// <summary>Builds both streams (for <see cref="AlertDetectorCpuMeasurement"/>).</summary>
    public void Setup()
    {
        _mixed = BuildMixed();
        _flood = BuildFlood();
    }

    private static SecurityEventRecord[] BuildMixed()
    {
        var random = new Random(20261128);
        var mixed = new SecurityEventRecord[Events];
        for (int i = 0; i < Events; i++)
        {
            int user = random.Next(50_000);
            string name = "user" + user.ToString(CultureInfo.InvariantCulture) + "@example.com";
            string ip = "10.1." + (user % 200).ToString(CultureInfo.InvariantCulture) + "." + (user % 250).ToString(CultureInfo.InvariantCulture);
            int roll = random.Next(100);
            mixed[i] = roll switch
            {
                < 70 => Record(SecurityEventNames.AuthenticationSuccess, "id-" + user, name, ip, "Mozilla/5.0 (Windows NT 10.0)"),
                < 90 => Record(SecurityEventNames.AuthenticationFailure, null, name, ip, "Mozilla/5.0 (Windows NT 10.0)"),
                < 95 => Record(SecurityEventNames.AuthenticationLogout, "id-" + user, null, ip, null),
                < 97 => Grant("id-" + random.Next(100), "id-" + user, random.Next(20) == 0 ? "Admin" : "Reader"),
                < 99 => Record(SecurityEventNames.AuthenticationFailure, null, "victim" + random.Next(5), "203.0.113." + random.Next(256), "curl/8"),
                _ => Record(SecurityEventNames.AuthenticationFailure, null, "sprayed" + random.Next(10_000), "198.51.100.9", "python"),
            };
        }

        return mixed;
    }

    private static SecurityEventRecord[] BuildFlood()
    {
        var flood = new SecurityEventRecord[Events];
        for (int i = 0; i < Events; i++)
        {
            flood[i] = Record(
                SecurityEventNames.AuthenticationFailure,
                null,
                "flood" + i.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"),
                "x");
        }

        return flood;
    }

    internal SecurityEventRecord[] Mixed => _mixed;

    internal SecurityEventRecord[] Flood => _flood;

    [Benchmark(OperationsPerInvoke = PerInvoke, Description = "Write, ordinary traffic with attacks (per event)")]
    public void MixedTraffic() => _mixedOffset = WriteSlice(_mixedDetector, _mixed, _mixedOffset);

    [Benchmark(OperationsPerInvoke = PerInvoke, Description = "Write, flood of distinct accounts and ips (per event)")]
    public void DistinctKeyFlood() => _floodOffset = WriteSlice(_floodDetector, _flood, _floodOffset);

    // Each invocation writes the next 100,000 records of the stream, wrapping round, so the detector sees the stream
    // in order and its tables reach their steady state.
    private static int WriteSlice(SecurityAlertDetector detector, SecurityEventRecord[] records, int offset)
    {
        for (int i = 0; i < PerInvoke; i++)
        {
            detector.Write(records[offset]);
            offset = offset + 1 == records.Length ? 0 : offset + 1;
        }

        return offset;
    }

    private static SecurityEventRecord Record(string name, string? userId, string? userName, string ip, string? userAgent) =>
        SecurityEventRecord.Create(new SecurityEvent(name) { UserId = userId, UserName = userName, IpAddress = ip, UserAgent = userAgent });

    private static SecurityEventRecord Grant(string actor, string target, string role) =>
        SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AccountRoleGranted) { UserId = actor, TargetUserId = target, Role = role, IpAddress = "192.0.2.1" });
}
