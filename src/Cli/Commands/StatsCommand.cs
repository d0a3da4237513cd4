using System.Globalization;
using System.Text.Json;

namespace SecureLogging.Cli.Commands;

/// <summary>
/// <c>securelog stats &lt;file|dir&gt; [--top N] [--json]</c>: counts of a store's security events by type and outcome,
/// and the accounts and ip addresses seen most.
/// </summary>
internal sealed class StatsCommand : ICliCommand
{
    private static readonly string[] ValueOptions = ["--top"];
    private static readonly string[] Flags = ["--json"];

    public string Name => "stats";

    public string Summary => "Summarise a store: events per type and outcome, top users and ip addresses.";

    public string Usage => """
        usage: securelog stats <file|dir> [--top N] [--json]

        Counts the security events of a store directory (all files) or of one store file: per event type, per
        outcome and per level, the N accounts (user_name, else user_id) and ip addresses seen most, and the time
        span. The store's own records (store.*) are counted apart. Reading does not verify the chain: use
        'securelog verify' for that.

        options:
          --top N   how many users and ip addresses to list (default 10)
          --json    print the summary as one JSON object

        exit codes: 0 done; 2 usage error.
        """;

    public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var options = new OptionReader(args, ValueOptions, Flags);
        if (options.Positionals.Count != 1)
        {
            throw new UsageException("give one store directory or file.");
        }

        var top = 10;
        if (options.Value("--top") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1))
        {
            throw new UsageException($"--top '{text}' is not a positive number.");
        }

        var stats = Collect(StoreFiles.Resolve(options.Positionals[0]));
        if (options.Has("--json"))
        {
            WriteJson(stats, top, stdout);
        }
        else
        {
            WriteText(stats, top, stdout);
        }

        return ExitCodes.Success;
    }

    internal static StoreStats Collect(IReadOnlyList<string> files)
    {
        var stats = new StoreStats { Files = files.Count };
        foreach (var file in files)
        {
            using var reader = StoreLineReader.Open(file);
            while (reader.Next())
            {
                using var document = reader.Terminated ? StoreFiles.TryParse(reader.Line) : null;
                if (document is null)
                {
                    stats.Unreadable++;
                    continue;
                }

                var record = document.RootElement;
                if (StoreFiles.IsStoreRecord(record))
                {
                    stats.StoreRecords++;
                    continue;
                }

                stats.Events++;
                Count(stats.ByEvent, StoreFiles.GetString(record, "event") ?? "(none)");
                Count(stats.ByOutcome, StoreFiles.GetString(record, "outcome") ?? "(none)");
                Count(stats.ByLevel, StoreFiles.GetString(record, "level") ?? "(none)");
                if ((StoreFiles.GetString(record, "user_name") ?? StoreFiles.GetString(record, "user_id")) is { } user)
                {
                    Count(stats.ByUser, user);
                }

                if (StoreFiles.GetString(record, "ip_address") is { } ip)
                {
                    Count(stats.ByIp, ip);
                }

                if (StoreFiles.GetString(record, "timestamp") is { } timestamp)
                {
                    stats.First = stats.First is null || string.CompareOrdinal(timestamp, stats.First) < 0 ? timestamp : stats.First;
                    stats.Last = stats.Last is null || string.CompareOrdinal(timestamp, stats.Last) > 0 ? timestamp : stats.Last;
                }
            }
        }

        return stats;
    }

    private static void Count(Dictionary<string, long> counts, string key)
        => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static IEnumerable<KeyValuePair<string, long>> Ranked(Dictionary<string, long> counts, int take = int.MaxValue)
        => counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(take);

    private static void WriteText(StoreStats stats, int top, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stats.Events} security events in {stats.Files} file(s), {stats.StoreRecords} store records{(stats.Unreadable > 0 ? $", {stats.Unreadable} unreadable line(s)" : string.Empty)}"));
        if (stats.First is not null)
        {
            output.WriteLine($"from {stats.First} to {stats.Last}");
        }

        WriteSection(output, "events by type", Ranked(stats.ByEvent));
        WriteSection(output, "by outcome", Ranked(stats.ByOutcome));
        WriteSection(output, "by level", Ranked(stats.ByLevel));
        WriteSection(output, string.Create(CultureInfo.InvariantCulture, $"top {top} users"), Ranked(stats.ByUser, top));
        WriteSection(output, string.Create(CultureInfo.InvariantCulture, $"top {top} ip addresses"), Ranked(stats.ByIp, top));
    }

    private static void WriteSection(TextWriter output, string title, IEnumerable<KeyValuePair<string, long>> rows)
    {
        var list = rows.ToList();
        output.WriteLine();
        output.WriteLine(title + ":");
        if (list.Count == 0)
        {
            output.WriteLine("  (none)");
            return;
        }

        var width = list.Max(r => r.Value.ToString(CultureInfo.InvariantCulture).Length);
        foreach (var (key, value) in list)
        {
            output.WriteLine("  " + value.ToString(CultureInfo.InvariantCulture).PadLeft(width) + "  " + key);
        }
    }

    private static void WriteJson(StoreStats stats, int top, TextWriter output)
    {
        var summary = new Dictionary<string, object?>
        {
            ["events"] = stats.Events,
            ["files"] = stats.Files,
            ["store_records"] = stats.StoreRecords,
            ["unreadable_lines"] = stats.Unreadable,
            ["first"] = stats.First,
            ["last"] = stats.Last,
            ["by_event"] = Ranked(stats.ByEvent).ToDictionary(p => p.Key, p => p.Value),
            ["by_outcome"] = Ranked(stats.ByOutcome).ToDictionary(p => p.Key, p => p.Value),
            ["by_level"] = Ranked(stats.ByLevel).ToDictionary(p => p.Key, p => p.Value),
            ["top_users"] = Ranked(stats.ByUser, top).Select(p => new { user = p.Key, count = p.Value }).ToArray(),
            ["top_ips"] = Ranked(stats.ByIp, top).Select(p => new { ip = p.Key, count = p.Value }).ToArray(),
        };
        output.WriteLine(JsonSerializer.Serialize(summary));
    }

    internal sealed class StoreStats
    {
        public int Files { get; init; }

        public long Events { get; set; }

        public long StoreRecords { get; set; }

        public long Unreadable { get; set; }

        public string? First { get; set; }

        public string? Last { get; set; }

        public Dictionary<string, long> ByEvent { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> ByOutcome { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> ByLevel { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> ByUser { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> ByIp { get; } = new(StringComparer.Ordinal);
    }
}
