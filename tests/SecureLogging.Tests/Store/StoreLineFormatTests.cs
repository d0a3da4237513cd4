using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SecureLogging.Tests.Store;

public sealed class StoreLineFormatTests
{
    [Fact]
    public void Line_has_seq_first_chain_last_and_verifies_over_its_exact_bytes()
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, StoreTestDirectory.Key);
        var output = new ArrayBufferWriter<byte>();
        var chain = new byte[32];
        StoreLineFormat.Append(output, 7, Encoding.UTF8.GetBytes("{\"event\":\"x\",\"chain\":\"decoy\"}"), chain, hmac);
        var line = Encoding.UTF8.GetString(output.WrittenSpan);

        Assert.StartsWith("{\"seq\":7,\"event\":\"x\",\"chain\":\"decoy\",\"chain\":\"", line);
        Assert.EndsWith("\"}\n", line);
        Assert.Matches("\"chain\":\"[0-9a-f]{64}\"}\n$", line);

        var bytes = output.WrittenSpan[..^1];
        var parsed = new byte[32];
        Assert.Equal(LineCheck.Valid, StoreLineFormat.Check(bytes, new byte[32], hmac, parsed, out var seq));
        Assert.Equal(7, seq);
        Assert.Equal(chain, parsed);

        // Chained to a different previous value, the same bytes do not verify.
        var other = new byte[32];
        other[0] = 1;
        Assert.Equal(LineCheck.MacMismatch, StoreLineFormat.Check(bytes, other, hmac, parsed, out _));
    }

    [Theory]
    [InlineData("{\"seq\":1,\"event\":\"x\"}")]
    [InlineData("not json at all")]
    [InlineData("")]
    public void Unframed_lines_are_malformed(string text)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, StoreTestDirectory.Key);
        Assert.Equal(LineCheck.Malformed, StoreLineFormat.Check(Encoding.UTF8.GetBytes(text), new byte[32], hmac, new byte[32], out _));
    }

    [Fact]
    public void Uppercased_chain_digits_are_an_edit()
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, StoreTestDirectory.Key);
        var output = new ArrayBufferWriter<byte>();
        StoreLineFormat.Append(output, 1, Encoding.UTF8.GetBytes("{\"event\":\"x\"}"), new byte[32], hmac);
        var line = Encoding.UTF8.GetString(output.WrittenSpan[..^1]);
        var upper = line[..^66] + line[^66..^2].ToUpperInvariant() + "\"}";
        Assert.NotEqual(line, upper);
        Assert.Equal(LineCheck.Malformed, StoreLineFormat.Check(Encoding.UTF8.GetBytes(upper), new byte[32], hmac, new byte[32], out _));
    }
}
