using System;
using System.Collections.Generic;

namespace SecureLogging.Analyzers.Internal.SecurityEvents;

/// <summary>
/// The security event vocabulary of SPEC §8 as the analyzers see it: the dotted names and their OWASP Application
/// Logging Vocabulary names. The runtime's <c>SecurityEventNames</c> is the source of truth at run time; the analyzer
/// cannot reference the runtime (netstandard2.0, no dependency), so the names are listed once here.
/// </summary>
internal static class SecurityEventVocabulary
{
    // dotted name, OWASP name (null where SPEC §8 lists none)
    private static readonly (string Dotted, string? Owasp)[] Events =
    {
        ("authentication.success", "authn_login_success"),
        ("authentication.failure", "authn_login_fail"),
        ("authentication.lockout", "authn_login_lock"),
        ("authentication.logout", "session_logout"),
        ("authentication.password_changed", "authn_password_change"),
        ("authentication.password_change_failed", "authn_password_change_fail"),
        ("authentication.mfa_enrolled", null),
        ("authentication.mfa_failed", null),
        ("authentication.token_created", "authn_token_created"),
        ("authentication.token_revoked", "authn_token_revoked"),
        ("authorization.denied", "authz_fail"),
        ("account.created", "user_created"),
        ("account.updated", "user_updated"),
        ("account.deleted", "user_deleted"),
        ("account.role_granted", "authz_change"),
        ("account.role_revoked", "authz_change"),
        ("account.permission_granted", "authz_change"),
        ("account.permission_revoked", "authz_change"),
        ("data.exported", "sensitive_read"),
        ("data.bulk_deleted", "sensitive_delete"),
        ("configuration.changed", null),
        ("api_key.created", "authn_token_created"),
        ("api_key.revoked", "authn_token_revoked"),
        ("alert.brute_force", null),
        ("alert.password_spraying", null),
        ("alert.credential_stuffing", null),
        ("alert.distributed_brute_force", null),
        ("alert.privilege_escalation", null),
        ("alert.unusual_access", null),
    };

    private static readonly HashSet<string> Names = BuildNames();

    /// <summary>True when <paramref name="name"/> is a dotted or OWASP vocabulary name (exact, case-sensitive as SIEM rules match it).</summary>
    public static bool IsVocabularyName(string? name) => name is not null && Names.Contains(name);

    private static HashSet<string> BuildNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (dotted, owasp) in Events)
        {
            names.Add(dotted);
            if (owasp is not null)
            {
                names.Add(owasp);
            }
        }

        return names;
    }
}
