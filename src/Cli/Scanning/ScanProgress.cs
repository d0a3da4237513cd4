namespace SecureLogging.Cli.Scanning;

/// <summary>
/// A one-line progress bar on stderr, redrawn at most ten times a second, shown only when asked for (stderr is a
/// terminal) and the tree is large enough to wait on. Never writes to stdout, where the report goes.
/// </summary>
internal sealed class ScanProgress : IDisposable
{
    private const int MinimumFiles = 200;
    private readonly TextWriter _stderr;
    private readonly bool _enabled;
    private readonly object _gate = new();
    private int _total;
    private int _done;
    private long _lastDrawTicks;
    private bool _drawn;

    public ScanProgress(TextWriter stderr, bool enabled)
    {
        _stderr = stderr;
        _enabled = enabled;
    }

    /// <summary>Whether a progress line may be drawn at all (stderr is a terminal and not turned off).</summary>
    public bool Enabled => _enabled;

    public void AddTotal(int files) => Interlocked.Add(ref _total, files);

    public void Advance()
    {
        var done = Interlocked.Increment(ref _done);
        if (!_enabled || Volatile.Read(ref _total) < MinimumFiles)
        {
            return;
        }

        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastDrawTicks) < 100 && done < _total)
        {
            return;
        }

        lock (_gate)
        {
            _lastDrawTicks = now;
            var total = Math.Max(_total, done);
            const int width = 30;
            var filled = (int)((long)done * width / Math.Max(total, 1));
            _stderr.Write($"\r  analysing [{new string('#', filled)}{new string('.', width - filled)}] {done:N0}/{total:N0} files ");
            _stderr.Flush();
            _drawn = true;
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                _stderr.Write("\r" + new string(' ', 70) + "\r");
                _stderr.Flush();
                _drawn = false;
            }
        }
    }

    public void Dispose() => Complete();
}
