using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureLogging;

namespace SecureLogging.CrashWriter;

/// <summary>
/// <c>CrashWriter &lt;store-dir&gt; &lt;key-file&gt; &lt;count|forever&gt;</c>: logs failed logins through AddSecureLogging.
/// With a count it writes that many and exits cleanly (the store is closed); with <c>forever</c> it prints
/// <c>ready</c> once events are on disk and keeps writing large batches until the test kills it.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: CrashWriter <store-dir> <key-file> <count|forever>");
            return 2;
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true));
        services.AddSecureLogging(o =>
        {
            o.StoreDirectory = args[0];
            o.ChainKey = File.ReadAllBytes(args[1]);
            o.Store.Durability = StoreDurability.OperatingSystem;
            o.Store.QueueCapacity = 100_000;
        });
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("CrashWriter");
        var store = provider.GetRequiredService<SecurityEventStore>();

        // Long reasons make each batch one large write(2), so a SIGKILL tends to land inside one.
        var reason = "bad password " + new string('x', 4000);
        if (args[2] != "forever")
        {
            for (var i = 0; i < int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture); i++)
            {
                logger.LogLoginFailed("after-restart-" + i, "bad password");
            }

            return 0;
        }

        var announced = false;
        for (var i = 0; ; i++)
        {
            logger.LogLoginFailed("user" + i, reason);
            var statistics = store.Statistics;
            if (!announced && (statistics.Written > 1000 || statistics.WriteErrors > 0))
            {
                announced = true;
                Console.Out.WriteLine("ready");
                Console.Out.Flush();
            }

            if (statistics.Accepted - statistics.Written - statistics.FailedWrites > 50_000 || statistics.WriteErrors > 0)
            {
                Thread.Sleep(1);
            }
        }
    }
}
