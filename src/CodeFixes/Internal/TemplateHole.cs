using System.Collections.Generic;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

/// <summary>
/// One placeholder of a message template or composite format as it sits in source text: <c>{Name}</c>, <c>{@Name}</c>,
/// <c>{$Name}</c>, <c>{Name,10:fmt}</c>, <c>{0}</c>. <c>{{</c> and <c>}}</c> are escapes, as in MEL, Serilog, NLog and
/// <c>string.Format</c>. Positions are in the text that was scanned (the literal's source text between its quotes).
/// </summary>
internal readonly struct TemplateHole
{
    public TemplateHole(int start, int length, string name, int nameStart)
    {
        Start = start;
        Length = length;
        Name = name;
        NameStart = nameStart;
    }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    /// <summary>The name without <c>@</c>/<c>$</c>, alignment or format.</summary>
    public string Name { get; }

    public int NameStart { get; }

    public bool IsNumeric => int.TryParse(Name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);

    public static List<TemplateHole> Scan(string text)
    {
        var holes = new List<TemplateHole>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                i += 2;
                continue;
            }

            if (c != '{')
            {
                i++;
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                break;
            }

            var nameStart = i + 1;
            if (nameStart < end && (text[nameStart] == '@' || text[nameStart] == '$'))
            {
                nameStart++;
            }

            var nameEnd = nameStart;
            while (nameEnd < end && text[nameEnd] != ',' && text[nameEnd] != ':')
            {
                nameEnd++;
            }

            var name = text.Substring(nameStart, nameEnd - nameStart).Trim();
            if (name.Length > 0)
            {
                holes.Add(new TemplateHole(i, end + 1 - i, name, nameStart));
            }

            i = end + 1;
        }

        return holes;
    }

    /// <summary>
    /// The hole an argument fills: the one named <paramref name="placeholder"/> when given and present; else by number
    /// when every hole is numeric (composite format); else the <paramref name="argumentIndex"/>-th distinct name in order
    /// of appearance (MEL/Serilog named templates bind by position).
    /// </summary>
    public static int Find(List<TemplateHole> holes, string? placeholder, int argumentIndex)
    {
        if (holes.Count == 0)
        {
            return -1;
        }

        var allNumeric = true;
        foreach (var hole in holes)
        {
            allNumeric &= hole.IsNumeric;
        }

        if (allNumeric)
        {
            var wanted = argumentIndex >= 0
                ? argumentIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : placeholder;
            for (var i = 0; i < holes.Count; i++)
            {
                if (int.TryParse(holes[i].Name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    && n.ToString(System.Globalization.CultureInfo.InvariantCulture) == wanted)
                {
                    return i;
                }
            }

            return -1;
        }

        if (placeholder is not null)
        {
            for (var i = 0; i < holes.Count; i++)
            {
                if (string.Equals(holes[i].Name, placeholder, System.StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        if (argumentIndex < 0)
        {
            return -1;
        }

        var seen = new List<string>();
        for (var i = 0; i < holes.Count; i++)
        {
            if (seen.Contains(holes[i].Name))
            {
                continue;
            }

            if (seen.Count == argumentIndex)
            {
                return i;
            }

            seen.Add(holes[i].Name);
        }

        return -1;
    }
}
