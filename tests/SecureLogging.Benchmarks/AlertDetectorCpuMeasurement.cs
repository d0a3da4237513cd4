using System.Diagnostics;
using System.Globalization;

namespace SecureLogging.Benchmarks;

/// <summary>
/// Events per second of CPU time on one thread, and bytes allocated per event, for the two streams of
/// <see cref="AlertDetectorBenchmarks"/>. CPU time rather than wall time, so the figure holds on a shared machine.
/// Run: dotnet run -c Release --project tests/SecureLogging.Benchmarks -- alerts-cpu
/// </summary>
internal static class AlertDetectorCpuMeasurement
{
    public static void Run(string? only = null)
    {
        var setup = new AlertDetectorBenchmarks();
        setup.Setup();
        if (only is null or "mixed")
        {
            Measure("ordinary traffic with attacks", setup.Mixed);
        }

        if (only is null or "flood")
        {
            Measure("flood of distinct accounts and ips", setup.Flood);
        }

        if (only is null or "floor")
        {
            // What reading the pre-built records alone costs (they do not fit in the caches): the floor under both figures.
            MeasureInputFloor(setup.Flood);
        }
    }

    private static void MeasureInputFloor(SecurityEventRecord[] records)
    {
        long sum = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            sum += Touch(records);
        }

        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        const int Passes = 3;
        for (int pass = 0; pass < Passes; pass++)
        {
            sum += Touch(records);
        }

        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        long events = (long)Passes * records.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reading the records only (event, user name, ip): {cpu * 1e9 / events:F0} ns CPU/event ({sum % 10})"));
    }

    private static long Touch(SecurityEventRecord[] records)
    {
        long sum = 0;
        for (int i = 0; i < records.Length; i++)
        {
            SecurityEventRecord r = records[i];
            sum += r.Event[0] + r.UserName![^1] + r.IpAddress![^1];
        }

        return sum;
    }

    private static void Measure(string name, SecurityEventRecord[] records)
    {
        var detector = new SecurityAlertDetector(new SecureLoggingAlertOptions());

        // Two warm-up passes (tiered JIT, tables filled), then three measured passes over the same detector.
        for (int pass = 0; pass < 2; pass++)
        {
            Write(detector, records);
        }

        const int Passes = 3;
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        for (int pass = 0; pass < Passes; pass++)
        {
            Write(detector, records);
        }

        wall.Stop();
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        long events = (long)Passes * records.Length;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: {events:N0} events, {events / cpu:N0} events per CPU-second ({cpu * 1e9 / events:F0} ns CPU/event), {events / wall.Elapsed.TotalSeconds:N0} events per wall-second, {(double)bytes / events:F1} bytes allocated/event; {detector.GetStatistics()}"));
    }

    private static void Write(SecurityAlertDetector detector, SecurityEventRecord[] records)
    {
        for (int i = 0; i < records.Length; i++)
        {
            detector.Write(records[i]);
        }
    }
}
