namespace SecureLogging;

/// <summary>
/// Thresholds, windows and memory capacities of the in-process alert detectors (SPEC §9). Bound from the
/// <c>SecureLogging:Alerts</c> configuration section; every value is checked by <see cref="Validate"/> at startup.
/// </summary>
/// <remarks>
/// The defaults are drawn from published Microsoft Sentinel and Elastic detection rules. Accounts are keyed by
/// <c>user_name ?? user_id</c>. Capacities bound the memory the detectors use whatever the number of distinct
/// accounts and ip addresses an attacker sends; see <c>docs/detection/README.md</c> for what they mean.
/// </remarks>
public sealed class SecureLoggingAlertOptions
{
    /// <summary>Whether the detectors run at all. On by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often an ongoing attack that already raised an alert raises an update (with the evidence so far and the
    /// number of suppressed repeats) instead of one alert per event. Default 10 minutes.
    /// </summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Brute force against one account (<c>alert.brute_force</c>).</summary>
    public BruteForceAlertOptions BruteForce { get; set; } = new();

    /// <summary>Password spraying from one ip address (<c>alert.password_spraying</c>).</summary>
    public PasswordSprayingAlertOptions PasswordSpraying { get; set; } = new();

    /// <summary>Credential stuffing from one ip address (<c>alert.credential_stuffing</c>).</summary>
    public CredentialStuffingAlertOptions CredentialStuffing { get; set; } = new();

    /// <summary>Brute force against one account from many ip addresses (<c>alert.distributed_brute_force</c>).</summary>
    public DistributedBruteForceAlertOptions DistributedBruteForce { get; set; } = new();

    /// <summary>Grants of admin-class roles and self-grants (<c>alert.privilege_escalation</c>).</summary>
    public PrivilegeEscalationAlertOptions PrivilegeEscalation { get; set; } = new();

    /// <summary>Successful sign-in from an ip address or user agent new for the user (<c>alert.unusual_access</c>).</summary>
    public UnusualAccessAlertOptions UnusualAccess { get; set; } = new();

    /// <summary>
    /// An http(s) endpoint that receives every alert as a JSON POST (<see cref="WebhookAlertSink"/>), with a bounded
    /// queue and retries. Off while <see cref="WebhookAlertSinkOptions.Url"/> is null.
    /// </summary>
    public WebhookAlertSinkOptions Webhook { get; set; } = new();

    /// <summary>
    /// How many accounts with recent failed sign-ins are tracked at once (brute force, distributed brute force).
    /// Each costs roughly 400 bytes. When full, a new account is admitted only once a frequency sketch has seen it
    /// fail at least twice, and it displaces the account with the fewest recent failures. Default 10,000.
    /// </summary>
    public int MaxTrackedAccounts { get; set; } = 10_000;

    /// <summary>
    /// How many ip addresses with recent failed sign-ins are tracked at once (password spraying, credential
    /// stuffing). Each costs roughly 1 KB. Admission and eviction work as for <see cref="MaxTrackedAccounts"/>.
    /// Default 10,000.
    /// </summary>
    public int MaxTrackedIpAddresses { get; set; } = 10_000;

    /// <summary>
    /// How many distinct accounts are remembered per tracked ip address (the most recently seen ones). Must be at
    /// least the password-spraying and credential-stuffing account thresholds. Default 24.
    /// </summary>
    public int MaxAccountsPerIpAddress { get; set; } = 24;

    /// <summary>
    /// How many users' sign-in histories (unusual access) are kept at once; the least recently active user is
    /// forgotten first and silently starts a new history on its next success. Each costs roughly 300 bytes.
    /// Default 10,000.
    /// </summary>
    public int MaxTrackedUsers { get; set; } = 10_000;

    /// <summary>Checks every value and returns the problems found (empty when valid).</summary>
    /// <returns>One message per invalid setting, naming the configuration key.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Positive(errors, nameof(UpdateInterval), UpdateInterval);
        Range(errors, nameof(MaxTrackedAccounts), MaxTrackedAccounts, 16, 10_000_000);
        Range(errors, nameof(MaxTrackedIpAddresses), MaxTrackedIpAddresses, 16, 10_000_000);
        Range(errors, nameof(MaxTrackedUsers), MaxTrackedUsers, 16, 10_000_000);
        Range(errors, nameof(MaxAccountsPerIpAddress), MaxAccountsPerIpAddress, 2, 256);

        if (BruteForce is null || PasswordSpraying is null || CredentialStuffing is null || DistributedBruteForce is null
            || PrivilegeEscalation is null || UnusualAccess is null)
        {
            errors.Add("SecureLogging:Alerts: the per-detector option sections must not be null.");
            return errors;
        }

        Range(errors, "BruteForce:Failures", BruteForce.Failures, 2, 1000);
        Range(errors, "BruteForce:FailuresBeforeSuccess", BruteForce.FailuresBeforeSuccess, 1, 1000);
        Positive(errors, "BruteForce:Window", BruteForce.Window);

        Range(errors, "PasswordSpraying:Accounts", PasswordSpraying.Accounts, 2, 256);
        Range(errors, "PasswordSpraying:MaxAttemptsPerAccount", PasswordSpraying.MaxAttemptsPerAccount, 1, 10_000);
        Positive(errors, "PasswordSpraying:Window", PasswordSpraying.Window);

        Range(errors, "CredentialStuffing:Accounts", CredentialStuffing.Accounts, 2, 256);
        Range(errors, "CredentialStuffing:Attempts", CredentialStuffing.Attempts, 2, 1000);
        Range(errors, "CredentialStuffing:MaxAttemptsPerAccount", CredentialStuffing.MaxAttemptsPerAccount, 1, 10_000);
        Positive(errors, "CredentialStuffing:Window", CredentialStuffing.Window);

        Range(errors, "DistributedBruteForce:Failures", DistributedBruteForce.Failures, 2, 1000);
        Range(errors, "DistributedBruteForce:IpAddresses", DistributedBruteForce.IpAddresses, 2, 64);
        Positive(errors, "DistributedBruteForce:Window", DistributedBruteForce.Window);

        Positive(errors, "UnusualAccess:History", UnusualAccess.History);
        Range(errors, "UnusualAccess:MaxIpAddressesPerUser", UnusualAccess.MaxIpAddressesPerUser, 1, 64);
        Range(errors, "UnusualAccess:MaxUserAgentsPerUser", UnusualAccess.MaxUserAgentsPerUser, 1, 64);

        if (Webhook is null)
        {
            errors.Add("SecureLogging:Alerts:Webhook must not be null: leave it at its default instance.");
        }
        else
        {
            errors.AddRange(Webhook.Validate());
        }

        if (PrivilegeEscalation.AdminRoles is null)
        {
            errors.Add("SecureLogging:Alerts:PrivilegeEscalation:AdminRoles must not be null.");
        }

        if (PasswordSpraying.Enabled && MaxAccountsPerIpAddress < PasswordSpraying.Accounts)
        {
            errors.Add($"SecureLogging:Alerts:MaxAccountsPerIpAddress ({MaxAccountsPerIpAddress}) must be at least PasswordSpraying:Accounts ({PasswordSpraying.Accounts}), or spraying could never be seen.");
        }

        if (CredentialStuffing.Enabled && MaxAccountsPerIpAddress < CredentialStuffing.Accounts)
        {
            errors.Add($"SecureLogging:Alerts:MaxAccountsPerIpAddress ({MaxAccountsPerIpAddress}) must be at least CredentialStuffing:Accounts ({CredentialStuffing.Accounts}), or stuffing could never be seen.");
        }

        return errors;
    }

    private static void Range(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"SecureLogging:Alerts:{name} is {value}; it must be between {min} and {max}.");
        }
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(366))
        {
            errors.Add($"SecureLogging:Alerts:{name} is {value}; it must be greater than zero and at most 366 days.");
        }
    }
}

/// <summary>Brute force against one account: many failures, or failures followed by a success.</summary>
public sealed class BruteForceAlertOptions
{
    /// <summary>Whether this detection runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Failed sign-ins for one account within <see cref="Window"/> that raise the alert. Default 10.</summary>
    public int Failures { get; set; } = 10;

    /// <summary>
    /// Failed sign-ins (since the account's previous success, within <see cref="Window"/>) after which a success
    /// raises the alert: the attacker may have got in. Default 5.
    /// </summary>
    public int FailuresBeforeSuccess { get; set; } = 5;

    /// <summary>The sliding window. Default 20 minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(20);
}

/// <summary>Password spraying: few attempts each against many accounts from one ip address.</summary>
public sealed class PasswordSprayingAlertOptions
{
    /// <summary>Whether this detection runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Distinct accounts failing from one ip address within <see cref="Window"/>. Default 5.</summary>
    public int Accounts { get; set; } = 5;

    /// <summary>
    /// An account counts towards spraying only with at most this many failures from that ip address; more is
    /// brute force against that account. Default 8.
    /// </summary>
    public int MaxAttemptsPerAccount { get; set; } = 8;

    /// <summary>The sliding window. Default 20 minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(20);
}

/// <summary>Credential stuffing: many accounts, one or two attempts each, from one ip address.</summary>
public sealed class CredentialStuffingAlertOptions
{
    /// <summary>Whether this detection runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Distinct accounts failing from one ip address within <see cref="Window"/>. Default 15.</summary>
    public int Accounts { get; set; } = 15;

    /// <summary>Failed sign-ins from that ip address within <see cref="Window"/>. Default 25.</summary>
    public int Attempts { get; set; } = 25;

    /// <summary>An account counts only with at most this many failures from that ip address. Default 2.</summary>
    public int MaxAttemptsPerAccount { get; set; } = 2;

    /// <summary>The sliding window. Default 15 minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Distributed brute force: one account failing from many ip addresses.</summary>
public sealed class DistributedBruteForceAlertOptions
{
    /// <summary>Whether this detection runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Failed sign-ins for the account within <see cref="Window"/>. Default 10.</summary>
    public int Failures { get; set; } = 10;

    /// <summary>Distinct ip addresses those failures came from. Default 5.</summary>
    public int IpAddresses { get; set; } = 5;

    /// <summary>The sliding window. Default 30 minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>Privilege escalation: a grant of an admin-class role, or a user granting something to itself.</summary>
public sealed class PrivilegeEscalationAlertOptions
{
    /// <summary>The admin-class role names used when <see cref="IncludeDefaultAdminRoles"/> is true.</summary>
    public static IReadOnlyList<string> DefaultAdminRoles { get; } = new[]
    {
        "Admin", "Admins", "Administrator", "Administrators", "SuperUser", "SuperAdmin", "Root", "Owner", "Owners",
        "GlobalAdmin", "GlobalAdministrator", "TenantAdmin", "SystemAdmin", "SysAdmin", "DomainAdmins",
        "EnterpriseAdmins", "SecurityAdmin", "UserAccountAdmin", "PrivilegedRoleAdmin", "db_owner",
    };

    /// <summary>Whether this detection runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Whether <see cref="DefaultAdminRoles"/> are admin-class in addition to <see cref="AdminRoles"/>. Default true.</summary>
    public bool IncludeDefaultAdminRoles { get; set; } = true;

    /// <summary>
    /// More admin-class role names. Matching ignores case, spaces, <c>-</c>, <c>_</c> and <c>.</c>
    /// (<c>Global Administrator</c> = <c>global_administrator</c>); <c>*</c> matches any run of characters
    /// (<c>*Admin</c>).
    /// </summary>
    public List<string> AdminRoles { get; set; } = new();

    /// <summary>Whether a user granting a role or permission to itself raises the alert. Default true.</summary>
    public bool AlertOnSelfGrant { get; set; } = true;
}

/// <summary>Unusual access: a success from an ip address or user agent not seen for the user recently.</summary>
public sealed class UnusualAccessAlertOptions
{
    /// <summary>Whether this detection runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a user's ip addresses and user agents are remembered. Default 7 days.</summary>
    public TimeSpan History { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Distinct ip addresses remembered per user (the most recent ones). Default 8.</summary>
    public int MaxIpAddressesPerUser { get; set; } = 8;

    /// <summary>Distinct user agents remembered per user (the most recent ones). Default 8.</summary>
    public int MaxUserAgentsPerUser { get; set; } = 8;
}
