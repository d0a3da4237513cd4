using System.Globalization;
using System.Text;

namespace SecureLogging.Cli.Commands;

/// <summary>
/// <c>securelog verify &lt;file|dir&gt; --key-file F</c>: checks a tamper-evident store against its chain key. Prints
/// <c>ok, N records</c> and exits 0, or the first broken record as <c>path:line: why</c> and exits 1. A torn last
/// line (an interrupted write) is reported as a note, not as tampering.
/// </summary>
internal sealed class VerifyCommand : ICliCommand
{
    private static readonly string[] ValueOptions = ["--key-file", "--checkpoint"];
    private static readonly string[] Flags = ["--require-closed", "--quiet"];

    public string Name => "verify";

    public string Summary => "Check a tamper-evident store: 'ok, N records' or the first broken record (file:line, why).";

    public string Usage => """
        usage: securelog verify <file|dir> --key-file <file> [--checkpoint SEQ:CHAIN] [--require-closed] [--quiet]

        Verifies a SecureLogging store directory (every file, and the links between them) or a single store file:
        each record's HMAC chain value over its exact bytes, the sequence numbers, and the signed store records that
        make removed, truncated, renamed and reordered files show.

        arguments:
          <file|dir>              a store directory (SecureLogging:StoreDirectory) or one securelog-*.jsonl file

        options:
          --key-file <file>       file holding the raw chain key bytes, exactly as given to SecureLoggingOptions.ChainKey
                                  (a file holding the key as base64 or hex text is read as that text's bytes)
          --checkpoint SEQ:CHAIN  a checkpoint kept off-host (OnCheckpoint, or a store.checkpoint line): the store must
                                  still contain that record with that chain value; detects truncation of the newest records
          --require-closed        fail unless the store ends with store.closed (for archived stores whose writer stopped)
          --quiet                 print only the verdict line

        output: 'ok, N records' (N security events; store records not counted) on stdout, details and notes on stderr;
                or '<path>:<line>: <why>' on stdout.
        exit codes: 0 verified; 1 a broken record (edited, inserted, removed, reordered, truncated, missing file);
                    2 usage error (missing key file, path not found).
        """;

    public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var options = new OptionReader(args, ValueOptions, Flags);
        if (options.Positionals.Count != 1)
        {
            throw new UsageException(options.Positionals.Count == 0 ? "the store directory or file is missing." : "give one store directory or file.");
        }

        var path = options.Positionals[0];
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new UsageException($"'{path}' does not exist.");
        }

        var keyFile = options.Value("--key-file") ?? throw new UsageException("--key-file is required: the file holding the chain key bytes.");
        byte[] key;
        try
        {
            key = File.ReadAllBytes(keyFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read the key file '{keyFile}': {ex.Message}");
        }

        if (key.Length == 0)
        {
            throw new UsageException($"the key file '{keyFile}' is empty.");
        }

        var checkpoint = options.Value("--checkpoint") is { } text ? ParseCheckpoint(text) : null;

        StoreVerification result;
        try
        {
            result = StoreVerifier.Verify(path, key, checkpoint, options.Has("--require-closed"));

            // ChainKey is base64 in configuration, so a key file is easily written as that text. The raw bytes are
            // tried first; when they fail at the very first record and the file is base64 or hex text whose bytes do
            // verify further, those bytes are the key. Both readings come from the operator's own file, so this
            // forgives a format slip without weakening the check.
            foreach (var (candidate, description) in TextKeyReadings(key))
            {
                if (result.Ok || result.Records > 0 || result.StoreRecords > 0)
                {
                    break;
                }

                var retry = StoreVerifier.Verify(path, candidate, checkpoint, options.Has("--require-closed"));
                if (retry.Ok || retry.Records > 0 || retry.StoreRecords > 0)
                {
                    stderr.WriteLine($"securelog verify: note: the key file holds {description}; those bytes were used as the key.");
                    result = retry;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"securelog verify: cannot read '{path}': {ex.Message}");
            return ExitCodes.Usage;
        }

        if (result.Ok)
        {
            // stdout carries the verdict alone (SPEC §7: it prints `ok, N records`), so scripts can compare it;
            // the details and notes (a crash-torn tail) go to stderr.
            stdout.WriteLine(result.Summary);
            if (!options.Has("--quiet"))
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seq {result.FirstSeq}–{result.LastSeq} in {result.Files} file(s), {result.StoreRecords} store record(s){(result.Closed ? ", closed" : string.Empty)}"));
                foreach (var note in result.Notes)
                {
                    stderr.WriteLine("  note: " + note);
                }
            }

            return ExitCodes.Success;
        }

        // An empty directory fails on the directory itself (its name is the result's file): name it once.
        var location = Directory.Exists(path) && result.File is not null && result.Line > 0 ? Path.Combine(path, result.File) : path;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{location}:{result.Line}: {result.Reason}"));
        if (result.Line == 1 && result.Records == 0 && result.StoreRecords == 0 && LooksLikeText(key))
        {
            stderr.WriteLine("securelog verify: hint: the key file looks like text (base64 or hex?); it must hold the raw key bytes, e.g. `base64 -d key.txt > key.bin`.");
        }

        return ExitCodes.Findings;
    }

    private static StoreCheckpoint ParseCheckpoint(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            || !StoreLineFormat.TryParseHex(text[(colon + 1)..], new byte[StoreLineFormat.ChainLength]))
        {
            throw new UsageException($"--checkpoint '{text}' is not SEQ:CHAIN (a sequence number, a colon and 64 hex digits).");
        }

        return new StoreCheckpoint(seq, text[(colon + 1)..].ToLowerInvariant(), string.Empty, default);
    }

    // Other readings of a key file whose raw bytes did not verify: the bytes without a trailing line break (an
    // editor or `echo` added one), then the key as hex or base64 text.
    private static IEnumerable<(byte[] Key, string Description)> TextKeyReadings(byte[] key)
    {
        var end = key.Length;
        while (end > 0 && key[end - 1] is (byte)'\n' or (byte)'\r')
        {
            end--;
        }

        if (end > 0 && end < key.Length)
        {
            yield return (key[..end], "a trailing line break after the key bytes");
        }

        if (!key.All(b => b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            yield break;
        }

        var text = Encoding.ASCII.GetString(key).Trim();
        if (text.Length >= 2 && text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit))
        {
            yield return (Convert.FromHexString(text), "hex text");
        }

        var buffer = new byte[text.Length];
        if (text.Length > 0 && Convert.TryFromBase64String(text, buffer, out var written) && written > 0)
        {
            yield return (buffer[..written], "base64 text");
        }
    }

    private static bool LooksLikeText(byte[] key)
        => key.All(b => b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r') && Encoding.ASCII.GetString(key).Trim().Length >= 40;
}
