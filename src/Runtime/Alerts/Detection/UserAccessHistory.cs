namespace SecureLogging.Alerts.Detection;

/// <summary>
/// One user's recent successful sign-ins: the ip addresses and user agents they came from (hashes, most recent
/// first kept) and when the last one was. About 300 bytes with the defaults.
/// </summary>
internal sealed class UserAccessHistory : ITrackedState
{
    public UserAccessHistory(int addressCapacity, int userAgentCapacity)
    {
        Addresses = new RecentKeySet(addressCapacity);
        UserAgents = new RecentKeySet(userAgentCapacity);
    }

    public RecentKeySet Addresses { get; }

    public RecentKeySet UserAgents { get; }

    public long LastSuccessTicks;

    public AlertThrottle Unusual;

    public void Reset()
    {
        Addresses.Clear();
        UserAgents.Clear();
        LastSuccessTicks = 0;
        Unusual.Reset();
    }

}
