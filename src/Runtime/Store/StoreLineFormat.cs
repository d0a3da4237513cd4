using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace SecureLogging;

/// <summary>
/// The byte layout of one chained store line, shared by the writer and the verifier:
/// <c>{"seq":N,&lt;fields of the record&gt;,"chain":"&lt;64 hex&gt;"}\n</c>.
/// The chain value is HMAC-SHA256(key, previous chain value (32 bytes) ‖ the line's bytes up to and including the
/// comma before <c>"chain"</c>). Because the MAC covers the exact bytes on disk, verification never re-serialises
/// JSON: it splits the line at a fixed offset from its end. <c>seq</c> comes first and <c>chain</c> last, so a field
/// of the same name inside the record cannot be mistaken for them.
/// </summary>
internal static class StoreLineFormat
{
    /// <summary>Bytes of a chain value.</summary>
    public const int ChainLength = 32;

    /// <summary>Length of <c>"chain":"</c> + 64 hex digits + <c>"}</c>: what follows the MAC'd prefix.</summary>
    public const int SuffixLength = 9 + (2 * ChainLength) + 2;

    private static ReadOnlySpan<byte> SeqOpening => "{\"seq\":"u8;

    private static ReadOnlySpan<byte> ChainOpening => "\"chain\":\""u8;

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>The chain value the first record of a new store is chained to.</summary>
    public static ReadOnlySpan<byte> GenesisChain => new byte[ChainLength];

    /// <summary>
    /// Appends one framed, chained line (newline included) to <paramref name="output"/>.
    /// </summary>
    /// <param name="output">Receives the line.</param>
    /// <param name="seq">Sequence number of the record.</param>
    /// <param name="objectJson">The record as one compact JSON object, <c>{…}</c>, with at least one property.</param>
    /// <param name="chain">In: the previous chain value. Out: this line's chain value.</param>
    /// <param name="hmac">An HMAC-SHA256 keyed with the chain key; left reset.</param>
    /// <returns>Bytes appended.</returns>
    public static int Append(ArrayBufferWriter<byte> output, long seq, ReadOnlySpan<byte> objectJson, Span<byte> chain, IncrementalHash hmac)
    {
        if (objectJson.Length < 3 || objectJson[0] != (byte)'{' || objectJson[^1] != (byte)'}')
        {
            throw new ArgumentException("The record must be a JSON object with at least one property.", nameof(objectJson));
        }

        var inner = objectJson[1..^1];
        var length = SeqOpening.Length + 20 + 1 + inner.Length + 1 + SuffixLength + 1;
        var span = output.GetSpan(length);

        SeqOpening.CopyTo(span);
        var position = SeqOpening.Length;
        Utf8Formatter.TryFormat(seq, span[position..], out var digits);
        position += digits;
        span[position++] = (byte)',';
        inner.CopyTo(span[position..]);
        position += inner.Length;
        span[position++] = (byte)',';

        hmac.AppendData(chain);
        hmac.AppendData(span[..position]);
        hmac.GetHashAndReset(chain);

        ChainOpening.CopyTo(span[position..]);
        position += ChainOpening.Length;
        WriteHex(chain, span[position..]);
        position += 2 * ChainLength;
        span[position++] = (byte)'"';
        span[position++] = (byte)'}';
        span[position++] = (byte)'\n';
        output.Advance(position);
        return position;
    }

    /// <summary>
    /// Checks a line's framing and MAC against the previous chain value.
    /// </summary>
    /// <param name="line">The line without its newline.</param>
    /// <param name="previousChain">The chain value of the record before it.</param>
    /// <param name="hmac">An HMAC-SHA256 keyed with the chain key.</param>
    /// <param name="chain">Receives the chain value written in the line (whether or not it verifies).</param>
    /// <param name="seq">Receives the line's sequence number.</param>
    /// <returns>How the line compares.</returns>
    public static LineCheck Check(ReadOnlySpan<byte> line, ReadOnlySpan<byte> previousChain, IncrementalHash hmac, Span<byte> chain, out long seq)
    {
        if (!TryParseFrame(line, chain, out seq, out var prefixLength))
        {
            return LineCheck.Malformed;
        }

        Span<byte> expected = stackalloc byte[ChainLength];
        hmac.AppendData(previousChain);
        hmac.AppendData(line[..prefixLength]);
        hmac.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(expected, chain) ? LineCheck.Valid : LineCheck.MacMismatch;
    }

    /// <summary>Reads the sequence number and chain value of a line without checking its MAC.</summary>
    public static bool TryParseFrame(ReadOnlySpan<byte> line, Span<byte> chain, out long seq, out int prefixLength)
    {
        seq = 0;
        prefixLength = line.Length - SuffixLength;
        if (prefixLength <= SeqOpening.Length
            || !line.StartsWith(SeqOpening)
            || line[prefixLength - 1] != (byte)','
            || !line[prefixLength..].StartsWith(ChainOpening)
            || line[^2] != (byte)'"'
            || line[^1] != (byte)'}'
            || !TryParseHex(line.Slice(prefixLength + ChainOpening.Length, 2 * ChainLength), chain, lowercaseOnly: true))
        {
            return false;
        }

        var afterOpening = line[SeqOpening.Length..];
        return Utf8Parser.TryParse(afterOpening, out seq, out var consumed)
            && consumed > 0
            && consumed < afterOpening.Length
            && afterOpening[consumed] == (byte)','
            && seq > 0;
    }

    /// <summary>Lowercase hex of <paramref name="bytes"/>.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hex = stackalloc byte[2 * bytes.Length];
        WriteHex(bytes, hex);
        return System.Text.Encoding.ASCII.GetString(hex);
    }

    /// <summary>Parses hex of exactly <c>destination.Length</c> bytes.</summary>
    /// <param name="hex">The digits.</param>
    /// <param name="destination">Receives the bytes.</param>
    /// <param name="lowercaseOnly">True for chain values on disk: the writer only writes lowercase, so an uppercase
    /// digit is an edit even though it denotes the same byte.</param>
    public static bool TryParseHex(ReadOnlySpan<byte> hex, Span<byte> destination, bool lowercaseOnly = false)
    {
        if (hex.Length != 2 * destination.Length)
        {
            return false;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            var high = HexValue(hex[2 * i], lowercaseOnly);
            var low = HexValue(hex[(2 * i) + 1], lowercaseOnly);
            if (high < 0 || low < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    /// <summary>Parses a hex string of exactly <c>destination.Length</c> bytes.</summary>
    public static bool TryParseHex(string? hex, Span<byte> destination)
        => hex is not null && hex.Length == 2 * destination.Length && TryParseHex(System.Text.Encoding.ASCII.GetBytes(hex), destination);

    private static void WriteHex(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = HexDigits[bytes[i] >> 4];
            destination[(2 * i) + 1] = HexDigits[bytes[i] & 0xF];
        }
    }

    private static int HexValue(byte c, bool lowercaseOnly) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' when !lowercaseOnly => c - 'A' + 10,
        _ => -1,
    };
}

/// <summary>Result of <see cref="StoreLineFormat.Check"/>.</summary>
internal enum LineCheck
{
    /// <summary>Framing and MAC are right.</summary>
    Valid,

    /// <summary>Not a chained line (no <c>seq</c> first or no <c>chain</c> last).</summary>
    Malformed,

    /// <summary>Framed correctly but the chain value does not match: edited, inserted, or chained to a different record.</summary>
    MacMismatch,
}
