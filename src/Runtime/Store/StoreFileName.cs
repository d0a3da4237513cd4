using System.Globalization;

namespace SecureLogging;

/// <summary>
/// Names of store files: <c>securelog-&lt;yyyyMMdd&gt;-&lt;index&gt;.jsonl</c>. The index grows by one for every file
/// the store ever creates (a new file at each start, rotation and recovery), so files sort into chain order by it;
/// the date is the UTC day of the records inside.
/// </summary>
internal static class StoreFileName
{
    private const string Prefix = "securelog-";
    private const string Extension = ".jsonl";

    /// <summary>The search pattern matching candidate store files.</summary>
    public const string SearchPattern = Prefix + "*" + Extension;

    /// <summary>Builds the name of file number <paramref name="index"/> for <paramref name="day"/>.</summary>
    public static string Create(DateTimeOffset day, long index)
        => Prefix + day.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + index.ToString("D6", CultureInfo.InvariantCulture) + Extension;

    /// <summary>Reads the index from a store file name; false for any other name.</summary>
    public static bool TryParse(string fileName, out long index)
    {
        index = 0;
        if (!fileName.StartsWith(Prefix, StringComparison.Ordinal) || !fileName.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        var middle = fileName.AsSpan(Prefix.Length, fileName.Length - Prefix.Length - Extension.Length);
        return middle.Length >= 15
            && middle[8] == '-'
            && IsDigits(middle[..8])
            && DateTime.TryParseExact(middle[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && IsDigits(middle[9..])
            && long.TryParse(middle[9..], NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && index > 0;
    }

    /// <summary>The store files of <paramref name="directory"/> in chain order (by index).</summary>
    public static List<(string Path, long Index)> List(string directory)
    {
        var files = new List<(string Path, long Index)>();
        foreach (var path in Directory.EnumerateFiles(directory, SearchPattern, SearchOption.TopDirectoryOnly))
        {
            if (TryParse(Path.GetFileName(path), out var index))
            {
                files.Add((path, index));
            }
        }

        files.Sort((a, b) => a.Index.CompareTo(b.Index));
        return files;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
