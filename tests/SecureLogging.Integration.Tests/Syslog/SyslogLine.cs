using System.Globalization;
using System.Text;

namespace SecureLogging.Integration.Tests.Syslog;

/// <summary>One RFC 5424 message as rsyslog received it: <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG</c>.</summary>
public sealed record SyslogLine(
    int Priority,
    string Timestamp,
    string HostName,
    string AppName,
    string ProcId,
    string MsgId,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> StructuredData,
    string Message,
    string Raw)
{
    public int Facility => Priority / 8;

    public int Severity => Priority % 8;

    /// <summary>Parses a message strictly: a malformed header or structured data throws <see cref="FormatException"/>.</summary>
    public static SyslogLine Parse(string raw)
    {
        var position = 0;
        if (raw.Length < 4 || raw[0] != '<')
        {
            throw new FormatException($"No PRI: {raw}");
        }

        var close = raw.IndexOf('>', StringComparison.Ordinal);
        var priority = int.Parse(raw[1..close], NumberStyles.None, CultureInfo.InvariantCulture);
        if (priority > 191)
        {
            throw new FormatException($"PRI {priority} > 191: {raw}");
        }

        position = close + 1;
        var version = Token(raw, ref position);
        if (version != "1")
        {
            throw new FormatException($"VERSION {version} is not 1: {raw}");
        }

        var timestamp = Token(raw, ref position);
        var host = Token(raw, ref position);
        var app = Token(raw, ref position);
        var procId = Token(raw, ref position);
        var msgId = Token(raw, ref position);
        var sd = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (raw[position] == '-')
        {
            position++;
        }
        else
        {
            while (position < raw.Length && raw[position] == '[')
            {
                position++;
                var idEnd = raw.IndexOfAny([' ', ']'], position);
                var id = raw[position..idEnd];
                position = idEnd;
                var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
                while (raw[position] == ' ')
                {
                    position++;
                    var eq = raw.IndexOf('=', position);
                    var name = raw[position..eq];
                    position = eq + 1;
                    if (raw[position] != '"')
                    {
                        throw new FormatException($"PARAM-VALUE not quoted: {raw}");
                    }

                    position++;
                    var value = new StringBuilder();
                    while (raw[position] != '"')
                    {
                        if (raw[position] == '\\' && raw[position + 1] is '"' or '\\' or ']')
                        {
                            position++;
                        }
                        else if (raw[position] is ']')
                        {
                            throw new FormatException($"Unescaped ] in PARAM-VALUE: {raw}");
                        }

                        value.Append(raw[position++]);
                    }

                    position++;
                    parameters[name] = value.ToString();
                }

                if (raw[position] != ']')
                {
                    throw new FormatException($"SD-ELEMENT not closed: {raw}");
                }

                position++;
                sd[id] = parameters;
            }
        }

        var message = position < raw.Length && raw[position] == ' ' ? raw[(position + 1)..] : raw[position..];
        return new SyslogLine(priority, timestamp, host, app, procId, msgId, sd, message, raw);
    }

    private static string Token(string raw, ref int position)
    {
        var end = raw.IndexOf(' ', position);
        if (end < 0)
        {
            throw new FormatException($"Header ends early: {raw}");
        }

        var token = raw[position..end];
        position = end + 1;
        return token;
    }
}
