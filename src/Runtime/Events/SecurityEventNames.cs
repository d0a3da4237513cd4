using Microsoft.Extensions.Logging;

namespace SecureLogging;

/// <summary>
/// The security event vocabulary (SPEC §8): one constant per dotted event name, and the definition of each
/// (OWASP name, stable numeric event id, level, default outcome).
/// </summary>
/// <remarks>
/// Event ids are stable once shipped: 1xxx authentication, 2xxx authorization, 3xxx account, 4xxx data,
/// 5xxx configuration, 6xxx API keys, 9xxx alerts. New events take the next free number in their block.
/// </remarks>
public static class SecurityEventNames
{
    /// <summary><c>authentication.success</c> (OWASP <c>authn_login_success</c>, 1001, information).</summary>
    public const string AuthenticationSuccess = "authentication.success";

    /// <summary><c>authentication.failure</c> (OWASP <c>authn_login_fail</c>, 1002, warning).</summary>
    public const string AuthenticationFailure = "authentication.failure";

    /// <summary><c>authentication.lockout</c> (OWASP <c>authn_login_lock</c>, 1003, warning).</summary>
    public const string AuthenticationLockout = "authentication.lockout";

    /// <summary><c>authentication.logout</c> (OWASP <c>session_logout</c>, 1004, information).</summary>
    public const string AuthenticationLogout = "authentication.logout";

    /// <summary><c>authentication.password_changed</c> (OWASP <c>authn_password_change</c>, 1005, information).</summary>
    public const string AuthenticationPasswordChanged = "authentication.password_changed";

    /// <summary><c>authentication.password_change_failed</c> (OWASP <c>authn_password_change_fail</c>, 1006, warning).</summary>
    public const string AuthenticationPasswordChangeFailed = "authentication.password_change_failed";

    /// <summary><c>authentication.mfa_enrolled</c> (no OWASP name, 1007, information).</summary>
    public const string AuthenticationMfaEnrolled = "authentication.mfa_enrolled";

    /// <summary><c>authentication.mfa_failed</c> (no OWASP name, 1008, warning).</summary>
    public const string AuthenticationMfaFailed = "authentication.mfa_failed";

    /// <summary><c>authentication.token_created</c> (OWASP <c>authn_token_created</c>, 1009, information).</summary>
    public const string AuthenticationTokenCreated = "authentication.token_created";

    /// <summary><c>authentication.token_revoked</c> (OWASP <c>authn_token_revoked</c>, 1010, information).</summary>
    public const string AuthenticationTokenRevoked = "authentication.token_revoked";

    /// <summary><c>authorization.denied</c> (OWASP <c>authz_fail</c>, 2001, warning).</summary>
    public const string AuthorizationDenied = "authorization.denied";

    /// <summary><c>account.created</c> (OWASP <c>user_created</c>, 3001, information).</summary>
    public const string AccountCreated = "account.created";

    /// <summary><c>account.updated</c> (OWASP <c>user_updated</c>, 3002, information).</summary>
    public const string AccountUpdated = "account.updated";

    /// <summary><c>account.deleted</c> (OWASP <c>user_deleted</c>, 3003, warning).</summary>
    public const string AccountDeleted = "account.deleted";

    /// <summary><c>account.role_granted</c> (OWASP <c>authz_change</c>, 3004, warning).</summary>
    public const string AccountRoleGranted = "account.role_granted";

    /// <summary><c>account.role_revoked</c> (OWASP <c>authz_change</c>, 3005, warning).</summary>
    public const string AccountRoleRevoked = "account.role_revoked";

    /// <summary><c>account.permission_granted</c> (OWASP <c>authz_change</c>, 3006, warning).</summary>
    public const string AccountPermissionGranted = "account.permission_granted";

    /// <summary><c>account.permission_revoked</c> (OWASP <c>authz_change</c>, 3007, warning).</summary>
    public const string AccountPermissionRevoked = "account.permission_revoked";

    /// <summary><c>data.exported</c> (OWASP <c>sensitive_read</c>, 4001, warning).</summary>
    public const string DataExported = "data.exported";

    /// <summary><c>data.bulk_deleted</c> (OWASP <c>sensitive_delete</c>, 4002, warning).</summary>
    public const string DataBulkDeleted = "data.bulk_deleted";

    /// <summary><c>configuration.changed</c> (no OWASP name, 5001, warning).</summary>
    public const string ConfigurationChanged = "configuration.changed";

    /// <summary><c>api_key.created</c> (OWASP <c>authn_token_created</c>, 6001, information).</summary>
    public const string ApiKeyCreated = "api_key.created";

    /// <summary><c>api_key.revoked</c> (OWASP <c>authn_token_revoked</c>, 6002, information).</summary>
    public const string ApiKeyRevoked = "api_key.revoked";

    /// <summary><c>alert.brute_force</c> (9001, critical).</summary>
    public const string AlertBruteForce = "alert.brute_force";

    /// <summary><c>alert.password_spraying</c> (9002, critical).</summary>
    public const string AlertPasswordSpraying = "alert.password_spraying";

    /// <summary><c>alert.credential_stuffing</c> (9003, critical).</summary>
    public const string AlertCredentialStuffing = "alert.credential_stuffing";

    /// <summary><c>alert.distributed_brute_force</c> (9004, critical).</summary>
    public const string AlertDistributedBruteForce = "alert.distributed_brute_force";

    /// <summary><c>alert.privilege_escalation</c> (9005, critical).</summary>
    public const string AlertPrivilegeEscalation = "alert.privilege_escalation";

    /// <summary><c>alert.unusual_access</c> (9006, critical).</summary>
    public const string AlertUnusualAccess = "alert.unusual_access";

    private const string S = SecurityOutcome.Success;
    private const string F = SecurityOutcome.Failure;
    private const string U = SecurityOutcome.Unknown;

    private static readonly SecurityEventDefinition[] Definitions =
    [
        Def(AuthenticationSuccess, "authn_login_success", 1001, LogLevel.Information, S, ["authentication"], ["start"]),
        Def(AuthenticationFailure, "authn_login_fail", 1002, LogLevel.Warning, F, ["authentication"], ["start"]),
        Def(AuthenticationLockout, "authn_login_lock", 1003, LogLevel.Warning, F, ["authentication", "iam"], ["user", "change"]),
        Def(AuthenticationLogout, "session_logout", 1004, LogLevel.Information, S, ["authentication", "session"], ["end"]),
        Def(AuthenticationPasswordChanged, "authn_password_change", 1005, LogLevel.Information, S, ["iam"], ["user", "change"]),
        Def(AuthenticationPasswordChangeFailed, "authn_password_change_fail", 1006, LogLevel.Warning, F, ["iam"], ["user", "change"]),
        Def(AuthenticationMfaEnrolled, null, 1007, LogLevel.Information, S, ["iam"], ["user", "change"]),
        Def(AuthenticationMfaFailed, null, 1008, LogLevel.Warning, F, ["authentication"], ["start"]),
        Def(AuthenticationTokenCreated, "authn_token_created", 1009, LogLevel.Information, S, ["iam"], ["creation"]),
        Def(AuthenticationTokenRevoked, "authn_token_revoked", 1010, LogLevel.Information, S, ["iam"], ["deletion"]),
        Def(AuthorizationDenied, "authz_fail", 2001, LogLevel.Warning, F, ["iam"], ["denied"]),
        Def(AccountCreated, "user_created", 3001, LogLevel.Information, S, ["iam"], ["user", "creation"]),
        Def(AccountUpdated, "user_updated", 3002, LogLevel.Information, S, ["iam"], ["user", "change"]),
        Def(AccountDeleted, "user_deleted", 3003, LogLevel.Warning, S, ["iam"], ["user", "deletion"]),
        Def(AccountRoleGranted, "authz_change", 3004, LogLevel.Warning, S, ["iam"], ["user", "change"]),
        Def(AccountRoleRevoked, "authz_change", 3005, LogLevel.Warning, S, ["iam"], ["user", "change"]),
        Def(AccountPermissionGranted, "authz_change", 3006, LogLevel.Warning, S, ["iam"], ["user", "change"]),
        Def(AccountPermissionRevoked, "authz_change", 3007, LogLevel.Warning, S, ["iam"], ["user", "change"]),
        Def(DataExported, "sensitive_read", 4001, LogLevel.Warning, S, ["database"], ["access"]),
        Def(DataBulkDeleted, "sensitive_delete", 4002, LogLevel.Warning, S, ["database"], ["deletion"]),
        Def(ConfigurationChanged, null, 5001, LogLevel.Warning, S, ["configuration"], ["change"]),
        Def(ApiKeyCreated, "authn_token_created", 6001, LogLevel.Information, S, ["iam"], ["creation"]),
        Def(ApiKeyRevoked, "authn_token_revoked", 6002, LogLevel.Information, S, ["iam"], ["deletion"]),
        Def(AlertBruteForce, null, 9001, LogLevel.Critical, U, ["intrusion_detection", "authentication"], ["info"]),
        Def(AlertPasswordSpraying, null, 9002, LogLevel.Critical, U, ["intrusion_detection", "authentication"], ["info"]),
        Def(AlertCredentialStuffing, null, 9003, LogLevel.Critical, U, ["intrusion_detection", "authentication"], ["info"]),
        Def(AlertDistributedBruteForce, null, 9004, LogLevel.Critical, U, ["intrusion_detection", "authentication"], ["info"]),
        Def(AlertPrivilegeEscalation, null, 9005, LogLevel.Critical, U, ["intrusion_detection", "iam"], ["info"]),
        Def(AlertUnusualAccess, null, 9006, LogLevel.Critical, U, ["intrusion_detection", "authentication"], ["info"]),
    ];

    // Dotted names first, then OWASP names: where several events share an OWASP name (authz_change,
    // authn_token_created, authn_token_revoked) the first in vocabulary order wins.
    private static readonly Dictionary<string, SecurityEventDefinition> ByName = BuildIndex();

    private static readonly Dictionary<int, SecurityEventDefinition> ById = Definitions.ToDictionary(d => d.EventId);

    /// <summary>Gets every vocabulary event, in SPEC §8 order.</summary>
    public static IReadOnlyList<SecurityEventDefinition> All { get; } = Array.AsReadOnly(Definitions);

    /// <summary>
    /// Finds the vocabulary event with the given dotted name (<c>authentication.failure</c>) or OWASP name
    /// (<c>authn_login_fail</c>, also in the OWASP <c>AUTHN_login_fail:userid</c> form). Case-insensitive.
    /// </summary>
    /// <param name="dottedOrOwaspName">The name to look up.</param>
    /// <returns>The definition, or <see langword="null"/> when the name is not vocabulary.</returns>
    public static SecurityEventDefinition? Find(string? dottedOrOwaspName)
    {
        if (string.IsNullOrWhiteSpace(dottedOrOwaspName) || dottedOrOwaspName.Length > 200)
        {
            return null;
        }

        var name = dottedOrOwaspName.Trim();
        if (ByName.TryGetValue(name, out var definition))
        {
            return definition;
        }

        // The OWASP cheat sheet writes parameters after a colon: "authn_login_fail:joebob1".
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && ByName.TryGetValue(name.Substring(0, colon), out definition) ? definition : null;
    }

    /// <summary>Finds the vocabulary event with the given numeric event id.</summary>
    /// <param name="eventId">A numeric event id such as 1002.</param>
    /// <returns>The definition, or <see langword="null"/> when the id is not vocabulary.</returns>
    public static SecurityEventDefinition? FindById(int eventId) => ById.TryGetValue(eventId, out var d) ? d : null;

    private static SecurityEventDefinition Def(string name, string? owasp, int id, LogLevel level, string outcome, string[] category, string[] type)
        => new(name, owasp, id, level, outcome, category, type);

    private static Dictionary<string, SecurityEventDefinition> BuildIndex()
    {
        var index = new Dictionary<string, SecurityEventDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in Definitions)
        {
            index.Add(definition.Name, definition);
        }

        foreach (var definition in Definitions)
        {
            if (definition.Owasp is { } owasp)
            {
                index.TryAdd(owasp, definition);
            }
        }

        return index;
    }
}
