using BenchmarkDotNet.Running;

namespace SecureLogging.Benchmarks;

internal static class Program
{
    private static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "alerts-cpu")
        {
            AlertDetectorCpuMeasurement.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
