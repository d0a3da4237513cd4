using System.Text;

namespace SecureLogging.Integration.Tests.Syslog;

/// <summary>A CEF line split the way a SIEM parser splits it: seven unescaped <c>|</c>, then <c>key=value</c> pairs.</summary>
public sealed record CefLine(IReadOnlyList<string> Header, IReadOnlyDictionary<string, string> Extension)
{
    public string Version => Header[0];

    public string Vendor => Header[1];

    public string Product => Header[2];

    public string DeviceVersion => Header[3];

    public string SignatureId => Header[4];

    public string Name => Header[5];

    public string Severity => Header[6];

    public static CefLine Parse(string line)
    {
        var header = new List<string>();
        var current = new StringBuilder();
        var position = 0;
        while (header.Count < 7)
        {
            if (position >= line.Length)
            {
                throw new FormatException($"CEF header has {header.Count} of 7 fields: {line}");
            }

            var c = line[position++];
            if (c == '\\')
            {
                var next = line[position++];
                if (next is not ('\\' or '|'))
                {
                    throw new FormatException($"Bad header escape \\{next}: {line}");
                }

                current.Append(next);
            }
            else if (c == '|')
            {
                header.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (!header[0].StartsWith("CEF:", StringComparison.Ordinal))
        {
            throw new FormatException($"Not CEF: {line}");
        }

        header[0] = header[0]["CEF:".Length..];
        return new CefLine(header, ParseExtension(line[position..]));
    }

    /// <summary>Splits <c>k1=v1 k2=v two k3=v3</c>: a key is the alphanumeric word before an unescaped <c>=</c>; values may hold spaces.</summary>
    private static Dictionary<string, string> ParseExtension(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new List<(string Key, int ValueStart, int KeyStart)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] == '=')
            {
                var start = i;
                while (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1]))
                {
                    start--;
                }

                if (start == i || (start > 0 && text[start - 1] != ' '))
                {
                    throw new FormatException($"Unescaped '=' inside a value at {i}: {text}");
                }

                keys.Add((text[start..i], i + 1, start));
            }
        }

        for (var k = 0; k < keys.Count; k++)
        {
            var end = k + 1 < keys.Count ? keys[k + 1].KeyStart - 1 : text.Length;
            var raw = text[keys[k].ValueStart..end];
            var value = new StringBuilder();
            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i] == '\\')
                {
                    var next = raw[++i];
                    value.Append(next switch
                    {
                        'n' => '\n',
                        'r' => '\r',
                        '\\' or '=' => next,
                        _ => throw new FormatException($"Bad extension escape \\{next}: {text}"),
                    });
                }
                else
                {
                    value.Append(raw[i]);
                }
            }

            if (!result.TryAdd(keys[k].Key, value.ToString()))
            {
                throw new FormatException($"Duplicate extension key {keys[k].Key}: {text}");
            }
        }

        return result;
    }
}
