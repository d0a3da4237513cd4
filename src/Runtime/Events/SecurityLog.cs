using Microsoft.Extensions.Logging;

namespace SecureLogging;

/// <summary>
/// Structured security events (SPEC §7, §8) as extension methods on <see cref="ILogger"/>. Each logs one event
/// through the ordinary <see cref="ILogger.Log{TState}"/> with <see cref="EventId"/> = (stable number, dotted name),
/// the vocabulary level, and a state of snake_case properties (<c>event</c>, <c>owasp</c>, <c>outcome</c>,
/// <c>user_id</c>, <c>user_name</c>, <c>ip_address</c>, <c>request_id</c>, <c>user_agent</c>, <c>reason</c>, then
/// event-specific fields) that every structured provider renders. Who/where comes from <see cref="SecurityContext"/>
/// unless given. Values are redacted, credential-masked and neutralised inside the runtime.
/// </summary>
/// <remarks>
/// The methods do not check <see cref="ILogger.IsEnabled"/>: a security event must reach the SecureLogging pipeline
/// whatever the application's minimum level; each provider's own filter still applies to ordinary providers.
/// </remarks>
public static class SecurityLog
{
    /// <summary>Logs <c>authentication.success</c>: a user signed in.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="userId">The user's id.</param>
    /// <param name="userName">The account name, when known.</param>
    /// <param name="method">How the user authenticated (<c>password</c>, <c>mfa</c>, <c>external:Google</c>…), when worth recording.</param>
    public static void LogLoginSucceeded(this ILogger logger, string userId, string? userName = null, string? method = null)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AuthenticationSuccess) { UserId = userId, UserName = userName }, "method", method);

    /// <summary>Logs <c>authentication.failure</c>: a sign-in attempt failed.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="attemptedUser">The account name or e-mail the attempt used (recorded as <c>user_name</c>), when known.</param>
    /// <param name="reason">Why it failed, e.g. <c>invalid_credentials</c>, <c>unknown_user</c>, <c>not_allowed</c>.</param>
    /// <param name="method">How the user tried to authenticate, when worth recording.</param>
    public static void LogLoginFailed(this ILogger logger, string? attemptedUser, string reason, string? method = null)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AuthenticationFailure) { UserName = attemptedUser, Reason = reason }, "method", method);

    /// <summary>Logs <c>authentication.lockout</c>: an account was locked out.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="userId">The user's id.</param>
    /// <param name="userName">The account name, when known.</param>
    /// <param name="reason">Why (OWASP: <c>maxretries</c>, <c>suspicious</c>, <c>customer</c>, <c>other</c>), when known.</param>
    public static void LogLockout(this ILogger logger, string userId, string? userName = null, string? reason = null)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AuthenticationLockout) { UserId = userId, UserName = userName, Reason = reason });

    /// <summary>Logs <c>authentication.logout</c>: a user signed out.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="userId">The user's id.</param>
    public static void LogLogout(this ILogger logger, string userId)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AuthenticationLogout) { UserId = userId });

    /// <summary>Logs <c>authentication.password_changed</c>: a password was changed, reset, added or removed.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="userId">The user's id.</param>
    public static void LogPasswordChanged(this ILogger logger, string userId)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AuthenticationPasswordChanged) { UserId = userId });

    /// <summary>Logs <c>authentication.mfa_enrolled</c>: a second factor was enabled.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="userId">The user's id.</param>
    /// <param name="method">The factor, e.g. <c>authenticator</c>, <c>sms</c>, <c>webauthn</c>.</param>
    public static void LogMfaEnrolled(this ILogger logger, string userId, string method)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AuthenticationMfaEnrolled) { UserId = userId }, "method", method);

    /// <summary>Logs <c>authentication.mfa_failed</c>: a second-factor check failed.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="userId">The user's id, when known.</param>
    /// <param name="method">The factor, e.g. <c>authenticator</c>, <c>recovery_code</c>.</param>
    /// <param name="reason">Why it failed, when known.</param>
    public static void LogMfaFailed(this ILogger logger, string? userId, string method, string? reason = null)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AuthenticationMfaFailed) { UserId = userId, Reason = reason }, "method", method);

    /// <summary>Logs <c>authorization.denied</c>: a user was refused access.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="userId">The user's id, when authenticated.</param>
    /// <param name="resource">What was asked for, e.g. <c>/orders/42</c> or <c>Order:42</c>.</param>
    /// <param name="action">What the user tried to do, e.g. <c>read</c>, <c>delete</c>.</param>
    /// <param name="reason">Why it was refused, e.g. <c>not_owner</c>, the failed policy.</param>
    public static void LogAccessDenied(this ILogger logger, string? userId, string resource, string action, string reason)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AuthorizationDenied) { UserId = userId, Resource = resource, Action = action, Reason = reason });

    /// <summary>Logs <c>account.created</c>.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="actorUserId">Who created the account (the new user's own id for self-registration); recorded as <c>user_id</c>.</param>
    /// <param name="targetUserId">The new account's id (<c>target_user_id</c>).</param>
    public static void LogAccountCreated(this ILogger logger, string actorUserId, string targetUserId)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AccountCreated) { UserId = actorUserId, TargetUserId = targetUserId });

    /// <summary>Logs <c>account.deleted</c>.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="actorUserId">Who deleted the account (<c>user_id</c>).</param>
    /// <param name="targetUserId">The deleted account's id (<c>target_user_id</c>).</param>
    public static void LogAccountDeleted(this ILogger logger, string actorUserId, string targetUserId)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AccountDeleted) { UserId = actorUserId, TargetUserId = targetUserId });

    /// <summary>Logs <c>account.role_granted</c>.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="actorUserId">Who granted the role (<c>user_id</c>).</param>
    /// <param name="targetUserId">Who received it (<c>target_user_id</c>).</param>
    /// <param name="role">The role (<c>role</c>).</param>
    public static void LogRoleGranted(this ILogger logger, string actorUserId, string targetUserId, string role)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AccountRoleGranted) { UserId = actorUserId, TargetUserId = targetUserId, Role = role });

    /// <summary>Logs <c>account.role_revoked</c>.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="actorUserId">Who revoked the role (<c>user_id</c>).</param>
    /// <param name="targetUserId">Who lost it (<c>target_user_id</c>).</param>
    /// <param name="role">The role (<c>role</c>).</param>
    public static void LogRoleRevoked(this ILogger logger, string actorUserId, string targetUserId, string role)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AccountRoleRevoked) { UserId = actorUserId, TargetUserId = targetUserId, Role = role });

    /// <summary>Logs <c>account.permission_granted</c> (a permission or claim).</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="actorUserId">Who granted it (<c>user_id</c>).</param>
    /// <param name="targetUserId">Who received it (<c>target_user_id</c>).</param>
    /// <param name="permission">The permission or claim (<c>permission</c>).</param>
    public static void LogPermissionGranted(this ILogger logger, string actorUserId, string targetUserId, string permission)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AccountPermissionGranted) { UserId = actorUserId, TargetUserId = targetUserId, Permission = permission });

    /// <summary>Logs <c>account.permission_revoked</c>.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="actorUserId">Who revoked it (<c>user_id</c>).</param>
    /// <param name="targetUserId">Who lost it (<c>target_user_id</c>).</param>
    /// <param name="permission">The permission or claim (<c>permission</c>).</param>
    public static void LogPermissionRevoked(this ILogger logger, string actorUserId, string targetUserId, string permission)
        => Emit(logger, new SecurityEvent(SecurityEventNames.AccountPermissionRevoked) { UserId = actorUserId, TargetUserId = targetUserId, Permission = permission });

    /// <summary>Logs <c>data.exported</c>: a user exported data in bulk.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="userId">Who exported it.</param>
    /// <param name="dataset">What was exported (<c>dataset</c>).</param>
    /// <param name="recordCount">How many records (<c>record_count</c>).</param>
    public static void LogDataExported(this ILogger logger, string userId, string dataset, long recordCount)
        => Emit(logger, new SecurityEvent(SecurityEventNames.DataExported) { UserId = userId }.With("dataset", dataset).With("record_count", recordCount));

    /// <summary>Logs <c>data.bulk_deleted</c>: a user deleted data in bulk.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="userId">Who deleted it.</param>
    /// <param name="resource">What was deleted (<c>resource</c>).</param>
    /// <param name="recordCount">How many records (<c>record_count</c>).</param>
    public static void LogBulkDeleted(this ILogger logger, string userId, string resource, long recordCount)
        => Emit(logger, new SecurityEvent(SecurityEventNames.DataBulkDeleted) { UserId = userId, Resource = resource }.With("record_count", recordCount));

    /// <summary>Logs <c>configuration.changed</c>: a security-relevant setting changed. Never pass the setting's value.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="userId">Who changed it.</param>
    /// <param name="setting">Which setting (<c>setting</c>), e.g. <c>Roles:Admin</c>, <c>PasswordPolicy</c>.</param>
    public static void LogConfigurationChanged(this ILogger logger, string userId, string setting)
        => Emit(logger, new SecurityEvent(SecurityEventNames.ConfigurationChanged) { UserId = userId }.With("setting", setting));

    /// <summary>Logs <c>api_key.created</c>. Pass the key's id, never the key.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="userId">Who created it.</param>
    /// <param name="keyId">The key's public identifier (<c>key_id</c>).</param>
    public static void LogApiKeyCreated(this ILogger logger, string userId, string keyId)
        => Emit(logger, new SecurityEvent(SecurityEventNames.ApiKeyCreated) { UserId = userId }.With("key_id", keyId));

    /// <summary>Logs <c>api_key.revoked</c>. Pass the key's id, never the key.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="userId">Who revoked it.</param>
    /// <param name="keyId">The key's public identifier (<c>key_id</c>).</param>
    public static void LogApiKeyRevoked(this ILogger logger, string userId, string keyId)
        => Emit(logger, new SecurityEvent(SecurityEventNames.ApiKeyRevoked) { UserId = userId }.With("key_id", keyId));

    /// <summary>Logs any security event (every vocabulary event, with any fields).</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="e">The event.</param>
    public static void LogSecurityEvent(this ILogger logger, SecurityEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Emit(logger, e);
    }

    private static void Emit(ILogger logger, SecurityEvent securityEvent, string optionalField, string? optionalValue)
    {
        if (optionalValue is not null)
        {
            securityEvent.With(optionalField, optionalValue);
        }

        Emit(logger, securityEvent);
    }

    private static void Emit(ILogger logger, SecurityEvent securityEvent)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var record = SecurityEventRecord.Create(securityEvent);
        logger.Log(record.Level, new EventId(record.EventId, record.Event), new SecurityEventState(record), null, SecurityEventState.Formatter);
    }
}
