namespace SecureLogging.Alerts.Detection;

/// <summary>
/// One user's recent successful sign-ins: the ip addresses and user agents they came from (hashes, most recent
/// first kept) and when the last one was. One object and one array (about 300 bytes with the defaults).
/// </summary>
internal sealed class UserAccessHistory : ITrackedState
{
    private readonly long[] _buffer;

    public UserAccessHistory(int addressCapacity, int userAgentCapacity)
    {
        int addresses = RecentKeySet.Length(addressCapacity);
        _buffer = new long[addresses + RecentKeySet.Length(userAgentCapacity)];
        Addresses = new RecentKeySet(_buffer, 0, addressCapacity);
        UserAgents = new RecentKeySet(_buffer, addresses, userAgentCapacity);
    }

    public readonly RecentKeySet Addresses;

    public readonly RecentKeySet UserAgents;

    public long LastSuccessTicks;

    public AlertThrottle Unusual;

    public void Reset()
    {
        Array.Clear(_buffer);
        LastSuccessTicks = 0;
        Unusual.Reset();
    }
}
