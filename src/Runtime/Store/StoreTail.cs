namespace SecureLogging;

/// <summary>
/// The end of one store file, read backwards from its last bytes so that a restart or a retention sweep does not
/// read whole files: the last complete line, and the bytes after it that have no newline (a torn write).
/// </summary>
internal sealed class StoreTail
{
    private StoreTail(long length, byte[]? lastLine, long tornBytes)
    {
        Length = length;
        LastLine = lastLine;
        TornBytes = tornBytes;
    }

    /// <summary>File length in bytes.</summary>
    public long Length { get; }

    /// <summary>The last newline-terminated line (without the newline), or null when there is none.</summary>
    public byte[]? LastLine { get; }

    /// <summary>Bytes after the last newline.</summary>
    public long TornBytes { get; }

    /// <summary>Reads the tail of <paramref name="path"/>.</summary>
    public static StoreTail Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        var length = stream.Length;
        var window = (int)Math.Min(length, 64 * 1024);
        while (true)
        {
            var buffer = new byte[window];
            stream.Position = length - window;
            stream.ReadExactly(buffer);

            var lastNewline = Array.LastIndexOf(buffer, (byte)'\n');
            if (lastNewline < 0)
            {
                if (window == length)
                {
                    return new StoreTail(length, null, length);
                }

                window = (int)Math.Min(length, (long)window * 4);
                continue;
            }

            var torn = window - lastNewline - 1;
            var previousNewline = lastNewline == 0 ? -1 : Array.LastIndexOf(buffer, (byte)'\n', lastNewline - 1);
            if (previousNewline < 0 && window < length)
            {
                // The last line started before the window: read a larger one.
                window = (int)Math.Min(length, (long)window * 4);
                continue;
            }

            var line = buffer.AsSpan(previousNewline + 1, lastNewline - previousNewline - 1).ToArray();
            return new StoreTail(length, line, torn);
        }
    }
}
