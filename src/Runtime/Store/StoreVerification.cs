using System.Globalization;

namespace SecureLogging;

/// <summary>The outcome of verifying a store (or one of its files) with <see cref="StoreVerifier"/>.</summary>
internal sealed class StoreVerification
{
    /// <summary>True when every record verifies and every link between files holds.</summary>
    public bool Ok => Reason is null;

    /// <summary>Security events verified (store records such as checkpoints not included).</summary>
    public long Records { get; set; }

    /// <summary>Store records verified (<c>store.opened</c>, checkpoints, …).</summary>
    public long StoreRecords { get; set; }

    /// <summary>Sequence number of the first verified line.</summary>
    public long FirstSeq { get; set; }

    /// <summary>Sequence number of the last verified line.</summary>
    public long LastSeq { get; set; }

    /// <summary>Files read (empty files included).</summary>
    public int Files { get; set; }

    /// <summary>True when the last record is <c>store.closed</c>.</summary>
    public bool Closed { get; set; }

    /// <summary>Name of the file holding the first broken record.</summary>
    public string? File { get; private set; }

    /// <summary>1-based line of the first broken record (the line after the last one when records are missing at the end).</summary>
    public int Line { get; private set; }

    /// <summary>Why the store does not verify; null when it does.</summary>
    public string? Reason { get; private set; }

    /// <summary>True when the last file ends with an incomplete line (an interrupted write, not counted as tampering).</summary>
    public bool TornTail { get; set; }

    /// <summary>Things a reader should know that do not make the store fail (torn tail, store still open, …).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The one-line verdict: <c>ok, N records</c> or <c>file:line: why</c>.</summary>
    public string Summary => Ok
        ? string.Create(CultureInfo.InvariantCulture, $"ok, {Records} records")
        : string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: {Reason}");

    /// <summary>Records the first failure (later ones are ignored).</summary>
    public void Fail(string file, int line, string reason)
    {
        if (Reason is null)
        {
            File = file;
            Line = line;
            Reason = reason;
        }
    }
}
