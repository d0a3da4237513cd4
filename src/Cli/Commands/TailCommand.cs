using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SecureLogging.Cli.Commands;

/// <summary>
/// <c>securelog tail &lt;file|dir&gt; [-n N] [-f] [--raw] [--all]</c>: the newest security events of a store, one per
/// line, pretty or as the stored JSON; <c>-f</c> keeps printing new ones, across rotations.
/// </summary>
internal sealed class TailCommand : ICliCommand
{
    private static readonly string[] ValueOptions = ["--lines"];
    private static readonly string[] Flags = ["--follow", "--raw", "--all"];
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["-n"] = "--lines", ["-f"] = "--follow" };
    private static readonly string[] Leading = ["outcome", "user_id", "user_name", "ip_address", "request_id", "user_agent", "reason"];
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "seq", "chain", "timestamp", "level", "event", "owasp" };

    public string Name => "tail";

    public string Summary => "Print the newest security events of a store (pretty or --raw JSON); -f follows new ones.";

    public string Usage => """
        usage: securelog tail <file|dir> [-n N] [-f] [--raw] [--all]

        Prints the last N security events of a store directory (across its files) or of one store file. Reading
        does not verify the chain: use 'securelog verify' for that.

        options:
          -n, --lines N   how many events to print first (default 10; 0 prints none, useful with -f)
          -f, --follow    keep printing events as they are written, following rotation to new files (Ctrl+C stops)
          --raw           print each record exactly as stored (JSON with seq and chain) instead of one readable line
          --all           include the store's own records (store.opened, store.checkpoint, store.closed, …)

        exit codes: 0 done; 2 usage error.
        """;

    public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var options = new OptionReader(args, ValueOptions, Flags, Aliases);
        if (options.Positionals.Count != 1)
        {
            throw new UsageException("give one store directory or file.");
        }

        var count = 10;
        if (options.Value("--lines") is { } lines && (!int.TryParse(lines, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 0))
        {
            throw new UsageException($"--lines '{lines}' is not a number of lines.");
        }

        var path = options.Positionals[0];
        var tail = new Tail(path, options.Has("--raw"), options.Has("--all"), stdout);
        tail.PrintLast(count);
        if (options.Has("--follow"))
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            tail.Follow(TimeSpan.FromMilliseconds(250), stop.Token);
        }

        return ExitCodes.Success;
    }

    /// <summary>Renders one record as a readable line: time, level, event, then the known fields, then the rest.</summary>
    internal static string Pretty(JsonElement record)
    {
        var text = new StringBuilder();
        text.Append(StoreFiles.GetString(record, "timestamp") ?? "-").Append(' ');
        text.Append((StoreFiles.GetString(record, "level") ?? "-").PadRight(8)).Append(' ');
        text.Append(StoreFiles.GetString(record, "event") ?? "-");
        foreach (var name in Leading)
        {
            AppendField(text, record, name);
        }

        foreach (var property in record.EnumerateObject())
        {
            if (!Hidden.Contains(property.Name) && Array.IndexOf(Leading, property.Name) < 0)
            {
                AppendField(text, record, property.Name);
            }
        }

        return text.ToString();
    }

    private static void AppendField(StringBuilder text, JsonElement record, string name)
    {
        if (!record.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        var rendered = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        text.Append(' ').Append(name).Append('=');
        if (rendered.Length == 0 || rendered.Any(c => char.IsWhiteSpace(c) || c == '"'))
        {
            text.Append(JsonSerializer.Serialize(rendered));
        }
        else
        {
            text.Append(rendered);
        }
    }

    /// <summary>The reading state of one tail: which file and where in it the next line starts.</summary>
    internal sealed class Tail
    {
        private readonly string _path;
        private readonly bool _raw;
        private readonly bool _all;
        private readonly TextWriter _output;
        private string? _file;
        private long _offset;

        public Tail(string path, bool raw, bool all, TextWriter output)
        {
            _path = path;
            _raw = raw;
            _all = all;
            _output = output;
        }

        /// <summary>Prints the last <paramref name="count"/> events and remembers where the newest file ends.</summary>
        public void PrintLast(int count)
        {
            var files = StoreFiles.Resolve(_path);
            var collected = new List<string>();
            for (var i = files.Count - 1; i >= 0 && collected.Count < count; i--)
            {
                var lines = new List<string>();
                using (var reader = StoreLineReader.Open(files[i]))
                {
                    while (reader.Next())
                    {
                        if (reader.Terminated && Render(reader.Line) is { } line)
                        {
                            lines.Add(line);
                        }
                    }
                }

                collected.InsertRange(0, lines.Skip(Math.Max(0, lines.Count - (count - collected.Count))));
            }

            foreach (var line in collected)
            {
                _output.WriteLine(line);
            }

            _output.Flush();
            if (files.Count > 0)
            {
                _file = files[^1];
                _offset = CompleteLength(_file);
            }
        }

        /// <summary>Prints new events until <paramref name="cancellationToken"/> fires, polling every <paramref name="interval"/>.</summary>
        public void Follow(TimeSpan interval, CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var progressed = ReadNew();
                if (!progressed && Directory.Exists(_path))
                {
                    // Move on only when the current file has nothing new: a rotated file ends before its successor starts.
                    var next = StoreFileName.List(_path).Select(f => f.Path).FirstOrDefault(f => _file is null || string.CompareOrdinal(Index(f), Index(_file)) > 0);
                    if (next is not null)
                    {
                        _file = next;
                        _offset = 0;
                        continue;
                    }
                }

                if (!progressed)
                {
                    cancellationToken.WaitHandle.WaitOne(interval);
                }
            }
        }

        private static string Index(string file) => StoreFileName.TryParse(Path.GetFileName(file), out var index) ? index.ToString("D20", CultureInfo.InvariantCulture) : string.Empty;

        private static long CompleteLength(string file)
        {
            var bytes = ReadFrom(file, 0);
            return bytes.Length == 0 ? 0 : Array.LastIndexOf(bytes, (byte)'\n') + 1;
        }

        private static byte[] ReadFrom(string file, long offset)
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (stream.Length <= offset)
                {
                    return [];
                }

                stream.Position = offset;
                var buffer = new byte[stream.Length - offset];
                stream.ReadExactly(buffer);
                return buffer;
            }
            catch (FileNotFoundException)
            {
                return [];
            }
        }

        private bool ReadNew()
        {
            if (_file is null)
            {
                return false;
            }

            var bytes = ReadFrom(_file, _offset);
            var end = Array.LastIndexOf(bytes, (byte)'\n');
            if (end < 0)
            {
                return false;
            }

            var start = 0;
            while (start <= end)
            {
                var newline = Array.IndexOf(bytes, (byte)'\n', start);
                if (Render(bytes.AsSpan(start, newline - start)) is { } line)
                {
                    _output.WriteLine(line);
                }

                start = newline + 1;
            }

            _output.Flush();
            _offset += end + 1;
            return true;
        }

        private string? Render(ReadOnlySpan<byte> line)
        {
            using var document = StoreFiles.TryParse(line);
            if (document is null || (!_all && StoreFiles.IsStoreRecord(document.RootElement)))
            {
                return null;
            }

            return _raw ? Encoding.UTF8.GetString(line) : Pretty(document.RootElement);
        }
    }
}
