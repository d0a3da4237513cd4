namespace SecureLogging;

/// <summary>
/// A durable point of the tamper-evident store's chain: the record with sequence number <paramref name="Seq"/> in
/// <paramref name="File"/> has chain value <paramref name="Chain"/> (lowercase hex HMAC-SHA256). Kept off-host, it
/// proves that every record up to <paramref name="Seq"/> existed (see <c>securelog verify --checkpoint</c>).
/// </summary>
/// <param name="Seq">Sequence number of the checkpoint record.</param>
/// <param name="Chain">Chain value of the checkpoint record, 64 lowercase hex digits.</param>
/// <param name="File">Name of the store file holding the record.</param>
/// <param name="Timestamp">When the checkpoint was written (UTC).</param>
public sealed record StoreCheckpoint(long Seq, string Chain, string File, DateTimeOffset Timestamp)
{
    /// <summary>The <c>SEQ:CHAIN</c> form <c>securelog verify --checkpoint</c> takes.</summary>
    public override string ToString() => Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Chain;
}
