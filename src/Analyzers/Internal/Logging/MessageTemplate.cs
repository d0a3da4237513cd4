using System.Collections.Generic;

namespace SecureLogging.Analyzers.Internal.Logging;

/// <summary>
/// The placeholders of a message template or composite format string, in order of appearance:
/// <c>{Name}</c>, <c>{@Name}</c> (destructured), <c>{$Name}</c>, <c>{Name,10:fmt}</c>, <c>{0}</c>; <c>{{</c>/<c>}}</c> are escapes.
/// </summary>
internal readonly struct Placeholder
{
    public Placeholder(string name, bool destructured)
    {
        Name = name;
        IsDestructured = destructured;
    }

    public string Name { get; }

    public bool IsDestructured { get; }

    /// <summary>Numeric placeholders (<c>{0}</c>) carry no meaning as a name and map to arguments by index.</summary>
    public bool IsNumeric
    {
        get
        {
            foreach (var c in Name)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return Name.Length > 0;
        }
    }
}

internal static class MessageTemplate
{
    public static List<Placeholder> Parse(string template)
    {
        var result = new List<Placeholder>();
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '{')
            {
                if (i + 1 < template.Length && template[i + 1] == '{')
                {
                    i += 2;
                    continue;
                }

                var end = template.IndexOf('}', i + 1);
                if (end < 0)
                {
                    break;
                }

                var body = template.Substring(i + 1, end - i - 1);
                var destructured = false;
                if (body.Length > 0 && (body[0] == '@' || body[0] == '$'))
                {
                    destructured = body[0] == '@';
                    body = body.Substring(1);
                }

                var cut = body.IndexOfAny(new[] { ',', ':' });
                if (cut >= 0)
                {
                    body = body.Substring(0, cut);
                }

                body = body.Trim();
                if (body.Length > 0)
                {
                    result.Add(new Placeholder(body, destructured));
                }

                i = end + 1;
                continue;
            }

            i++;
        }

        return result;
    }

    /// <summary>
    /// The placeholder the <paramref name="index"/>-th argument fills: by number when every placeholder is numeric
    /// (composite format, Serilog positional), else by order of appearance (MEL, Serilog, NLog named templates).
    /// </summary>
    public static Placeholder? ForArgument(List<Placeholder>? placeholders, int index)
    {
        if (placeholders is null || placeholders.Count == 0)
        {
            return null;
        }

        var allNumeric = true;
        foreach (var p in placeholders)
        {
            allNumeric &= p.IsNumeric;
        }

        if (allNumeric)
        {
            var text = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var p in placeholders)
            {
                if (p.Name == text)
                {
                    return p;
                }
            }

            return null;
        }

        return index < placeholders.Count ? placeholders[index] : null;
    }
}
