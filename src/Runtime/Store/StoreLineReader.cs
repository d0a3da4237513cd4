namespace SecureLogging;

/// <summary>
/// Reads a store file line by line without decoding it: the verifier checks MACs over raw bytes. A final line
/// without a newline is returned with <see cref="Terminated"/> false (a torn write, or a truncation).
/// </summary>
internal sealed class StoreLineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private long _consumedBytes;

    public StoreLineReader(Stream stream) => _stream = stream;

    /// <summary>The current line, without its newline.</summary>
    public ReadOnlySpan<byte> Line => _buffer.AsSpan(LineStart, LineLength);

    /// <summary>1-based number of the current line.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Byte offset of the current line in the file.</summary>
    public long Offset { get; private set; }

    /// <summary>False when the current line is the end of the file with no newline after it.</summary>
    public bool Terminated { get; private set; }

    private int LineStart { get; set; }

    private int LineLength { get; set; }

    /// <summary>Opens <paramref name="path"/> for reading while a writer may still append to it.</summary>
    public static StoreLineReader Open(string path)
        => new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan));

    /// <summary>Moves to the next line; false at the end of the file.</summary>
    public bool Next()
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                SetLine(_start, newline, terminated: true);
                _start += newline + 1;
                return true;
            }

            if (_eof)
            {
                if (_end > _start)
                {
                    SetLine(_start, _end - _start, terminated: false);
                    _start = _end;
                    return true;
                }

                return false;
            }

            Fill();
        }
    }

    public void Dispose() => _stream.Dispose();

    private void SetLine(int start, int length, bool terminated)
    {
        LineStart = start;
        LineLength = length;
        Terminated = terminated;
        Offset = _consumedBytes + start;
        LineNumber++;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _consumedBytes += _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
