using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace SecureLogging;

/// <summary>
/// Builds RFC 5424 syslog messages framed by RFC 6587 octet counting (<c>LEN SP SYSLOG-MSG</c>):
/// <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG</c>.
/// </summary>
internal sealed class SyslogMessage
{
    public const int MaxHostNameLength = 255;
    public const int MaxAppNameLength = 48;
    public const int MaxProcIdLength = 128;
    public const int MaxMsgIdLength = 32;
    public const int MaxSdNameLength = 32;

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly int _facility;
    private readonly string _hostName;
    private readonly string _appName;
    private readonly string _procId;
    private readonly bool _bom;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public SyslogMessage(SyslogFacility facility, string? hostName, string? appName, int processId, bool utf8Bom)
    {
        _facility = (int)facility;
        _hostName = HeaderField(hostName, MaxHostNameLength);
        _appName = HeaderField(appName, MaxAppNameLength);
        _procId = HeaderField(processId.ToString(CultureInfo.InvariantCulture), MaxProcIdLength);
        _bom = utf8Bom;
    }

    public string HostName => _hostName;

    public string AppName => _appName;

    /// <summary>Maps a log level to an RFC 5424 severity: critical 2, error 3, warning 4, information 6, debug and trace 7.</summary>
    public static int Severity(LogLevel level) => level switch
    {
        LogLevel.Critical => 2,
        LogLevel.Error => 3,
        LogLevel.Warning => 4,
        LogLevel.Information => 6,
        _ => 7,
    };

    /// <summary>Returns a header field as RFC 5424 wants it: printable US-ASCII only (others become <c>_</c>), cut to <paramref name="max"/>, <c>-</c> (NILVALUE) when empty.</summary>
    public static string HeaderField(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var length = Math.Min(value.Length, max);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = value[i];
            builder.Append(c is >= '!' and <= '~' ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>True for an SD-ID of the form <c>name@number</c>: 1–32 printable ASCII characters without <c>=</c>, space, <c>]</c> or <c>"</c>, one <c>@</c> followed by digits (dotted).</summary>
    public static bool IsValidPrivateSdId(string value)
    {
        if (value.Length is 0 or > MaxSdNameLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '!' or > '~' or '=' or ']' or '"')
            {
                return false;
            }
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == value.Length - 1 || value.IndexOf('@', at + 1) >= 0)
        {
            return false;
        }

        for (var i = at + 1; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]) && value[i] != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 5424 §7.3.1: <c>meta sequenceId</c> runs 1…2147483647 and then starts again at 1.</summary>
    public static long MetaSequenceId(long seq) => ((seq - 1) % int.MaxValue) + 1;

    /// <summary>Builds one framed message. Not thread-safe: one instance per sender.</summary>
    /// <param name="timestamp">The event time.</param>
    /// <param name="level">The event level (severity).</param>
    /// <param name="msgId">The MSGID (cut to 32 printable ASCII characters).</param>
    /// <param name="sequenceId">The value of <c>[meta sequenceId]</c>, or null to leave it out.</param>
    /// <param name="sdId">The SD-ID of an extra element, or null.</param>
    /// <param name="sdParams">The parameters of that element (null values are left out).</param>
    /// <param name="message">The UTF-8 MSG.</param>
    /// <returns>The frame: ASCII length, a space, and the message.</returns>
    public byte[] Build(
        DateTimeOffset timestamp,
        LogLevel level,
        string? msgId,
        long? sequenceId,
        string? sdId,
        IReadOnlyList<KeyValuePair<string, string?>>? sdParams,
        ReadOnlySpan<byte> message)
    {
        _buffer.Clear();
        var pri = (_facility * 8) + Severity(level);
        var utc = timestamp.UtcDateTime;
        var header = string.Create(CultureInfo.InvariantCulture, $"<{pri}>1 {utc:yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'} {_hostName} {_appName} {_procId} {HeaderField(msgId, MaxMsgIdLength)} ");
        WriteAscii(header);

        var anyElement = false;
        if (sequenceId is { } sequence)
        {
            WriteAscii(string.Create(CultureInfo.InvariantCulture, $"[meta sequenceId=\"{MetaSequenceId(sequence)}\"]"));
            anyElement = true;
        }

        if (sdId is not null && sdParams is not null)
        {
            WriteAscii("[");
            WriteAscii(sdId);
            foreach (var (name, value) in sdParams)
            {
                if (value is null)
                {
                    continue;
                }

                WriteAscii(" ");
                WriteAscii(name);
                WriteAscii("=\"");
                WriteUtf8(EscapeParamValue(value));
                WriteAscii("\"");
            }

            WriteAscii("]");
            anyElement = true;
        }

        if (!anyElement)
        {
            WriteAscii("-");
        }

        if (!message.IsEmpty)
        {
            WriteAscii(" ");
            if (_bom)
            {
                _buffer.Write(Bom);
            }

            _buffer.Write(message);
        }

        var length = _buffer.WrittenCount.ToString(CultureInfo.InvariantCulture);
        var frame = new byte[length.Length + 1 + _buffer.WrittenCount];
        Encoding.ASCII.GetBytes(length, frame);
        frame[length.Length] = (byte)' ';
        _buffer.WrittenSpan.CopyTo(frame.AsSpan(length.Length + 1));
        return frame;
    }

    /// <summary>RFC 5424 §6.3.3: <c>"</c>, <c>\</c> and <c>]</c> must be escaped with a backslash inside PARAM-VALUE.</summary>
    public static string EscapeParamValue(string value)
    {
        if (value.AsSpan().IndexOfAny("\"\\]") < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '"' or '\\' or ']')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private void WriteAscii(string text)
    {
        var span = _buffer.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        _buffer.Advance(written);
    }

    private void WriteUtf8(string text)
    {
        var span = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        _buffer.Advance(written);
    }
}
