using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace SecureLogging.Alerts.Detection;

/// <summary>
/// A seeded 64-bit hash of attacker-chosen strings (ip addresses, account names). The seed is random per process
/// so an attacker cannot precompute colliding keys; 64 bits keep accidental collisions negligible at millions of
/// keys, which lets per-key structures store a hash instead of the (unbounded) string.
/// </summary>
internal sealed class KeyHasher
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private readonly ulong _seed;

    public KeyHasher()
        : this(BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8)))
    {
    }

    public KeyHasher(ulong seed) => _seed = seed;

    public ulong Hash(string value) => Hash(value.AsSpan());

    /// <summary>The hash of <paramref name="value"/>; never 0 (the "empty slot" marker of the per-key structures).</summary>
    public ulong Hash(ReadOnlySpan<char> value)
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(value);
        ulong h = _seed ^ ((ulong)bytes.Length * Prime1);
        while (bytes.Length >= 8)
        {
            h = Round(h, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes.Slice(8);
        }

        if (bytes.Length > 0)
        {
            ulong tail = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                tail |= (ulong)bytes[i] << (8 * i);
            }

            h = Round(h, tail);
        }

        // 0 is the "empty slot" marker in the per-key structures.
        ulong result = Finalize(h);
        return result == 0 ? 1 : result;
    }

    /// <summary>
    /// One key from two hashes, order-sensitive (<c>Combine(a, b) != Combine(b, a)</c>); never 0. Lets a compound key
    /// (actor, target, role) be hashed without building a string.
    /// </summary>
    public ulong Combine(ulong first, ulong second)
    {
        ulong result = Finalize(Round(Round(_seed ^ Prime2, first), second));
        return result == 0 ? 1 : result;
    }

    private static ulong Round(ulong h, ulong input)
    {
        h ^= unchecked(input * Prime2);
        h = ulong.RotateLeft(h, 31);
        return unchecked(h * Prime1);
    }

    private static ulong Finalize(ulong h)
    {
        h ^= h >> 33;
        h = unchecked(h * 0xFF51AFD7ED558CCDUL);
        h ^= h >> 33;
        h = unchecked(h * 0xC4CEB9FE1A85EC53UL);
        h ^= h >> 33;
        return h;
    }
}
