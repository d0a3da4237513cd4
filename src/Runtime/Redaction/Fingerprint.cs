using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Options;

namespace SecureLogging;

/// <summary>
/// Keyed fingerprints for <see cref="Redact.Token"/> and <see cref="Redact.Pii"/>: 8 hex digits of an HMAC-SHA256,
/// computed by Microsoft.Extensions.Compliance.Redaction's <see cref="HmacRedactor"/>. The same input under the same
/// key always gives the same fingerprint (correlation), and without the key a fingerprint cannot be tested against
/// guesses (a plain hash of a 16-digit card number or a phone number could be brute-forced).
/// </summary>
internal static class Fingerprint
{
    /// <summary>The warning written once when fingerprints use a per-process key.</summary>
    public const string EphemeralKeyWarning =
        "SecureLogging: no ChainKey is configured, so Redact.Token/Redact.Pii fingerprints use a random per-process key " +
        "and cannot be correlated across restarts or instances. Set SecureLoggingOptions.ChainKey.";

    // Domain separation: the same value redacted as a token and as personal data gives unrelated fingerprints.
    private static readonly byte[] KeyDerivationLabel = Encoding.ASCII.GetBytes("SecureLogging fingerprint key v1");

    private static State _state = CreateEphemeral();
    private static int _warned;

    /// <summary>Gets a value indicating whether fingerprints use the random per-process key (no key configured).</summary>
    public static bool IsEphemeral => _state.Ephemeral;

    /// <summary>Uses a key derived from <paramref name="key"/> for every later fingerprint.</summary>
    /// <param name="key">The configured key (the chain key); not empty.</param>
    public static void UseKey(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("The fingerprint key must not be empty (32 random bytes are recommended).", nameof(key));
        }

        // Derive rather than reuse: the chain key keeps a single purpose, and HmacRedactor wants 32+ bytes.
        var derived = HMACSHA256.HashData(key, KeyDerivationLabel);
        Volatile.Write(ref _state, new State(CreateRedactor(derived), ephemeral: false));
    }

    /// <summary>Returns the 8-hex-digit fingerprint of <paramref name="value"/> in the given domain.</summary>
    /// <param name="domain">A one-letter domain separating tokens from personal data.</param>
    /// <param name="value">The value.</param>
    /// <returns>Eight lower-case hex digits.</returns>
    public static string Compute(char domain, string value)
    {
        var state = Volatile.Read(ref _state);
        if (state.Ephemeral && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            Trace.TraceWarning(EphemeralKeyWarning);
        }

        // Prefixing the domain also keeps the input non-empty: HmacRedactor redacts "" to "".
        var input = string.Create(value.Length + 2, (domain, value), static (span, s) =>
        {
            span[0] = s.domain;
            span[1] = ':';
            s.value.AsSpan().CopyTo(span.Slice(2));
        });

        var redacted = state.Redactor.Redact(input);

        // HmacRedactor renders the first 16 bytes of the HMAC in base64; the first four bytes make the fingerprint.
        Span<byte> bytes = stackalloc byte[18];
        if (!Convert.TryFromBase64String(redacted, bytes, out var written) || written < 4)
        {
            // Not expected from HmacRedactor; fall back to the same construction computed directly.
            return Convert.ToHexString(HMACSHA256.HashData(state.Key, MemoryMarshal.AsBytes(input.AsSpan())).AsSpan(0, 4)).ToLowerInvariant();
        }

        return Convert.ToHexString(bytes.Slice(0, 4)).ToLowerInvariant();
    }

    private static State CreateEphemeral() => new(CreateRedactor(RandomNumberGenerator.GetBytes(32)), ephemeral: true);

    private static (HmacRedactor Redactor, byte[] Key) CreateRedactor(byte[] key)
    {
#pragma warning disable EXTEXP0002 // HmacRedactor is experimental in 8.x; its output format is all we rely on, and a fallback recomputes it.
        var redactor = new HmacRedactor(Options.Create(new HmacRedactorOptions { Key = Convert.ToBase64String(key) }));
#pragma warning restore EXTEXP0002
        return (redactor, key);
    }

    private sealed class State
    {
        public State((HmacRedactor Redactor, byte[] Key) created, bool ephemeral)
        {
            Redactor = created.Redactor;
            Key = created.Key;
            Ephemeral = ephemeral;
        }

        public HmacRedactor Redactor { get; }

        public byte[] Key { get; }

        public bool Ephemeral { get; }
    }
}
