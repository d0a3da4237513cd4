using BenchmarkDotNet.Running;

namespace SecureLogging.Benchmarks;

internal static class Program
{
    private static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "alerts-cpu")
        {
            AlertDetectorCpuMeasurement.Run(args.Length > 1 ? args[1] : null);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
