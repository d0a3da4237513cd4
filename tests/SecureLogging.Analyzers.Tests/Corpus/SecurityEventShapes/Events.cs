namespace Shapes.Events
{
    // How apps declare their own security events: [LoggerMessage] methods with a vocabulary EventName (dotted or
    // OWASP), static readonly EventId fields and properties. The generator is not run here, so each partial method
    // carries the body it would generate.
    public static partial class Log
    {
        [LoggerMessage(EventId = 4102, EventName = "account.updated", Level = LogLevel.Information, Message = "User {UserId} regenerated their recovery codes")]
        public static partial void RecoveryCodesRegenerated(ILogger logger, string userId);

        [LoggerMessage(EventId = 1002, EventName = "authn_login_fail", Level = LogLevel.Warning, Message = "Login rejected for {User}: {Reason}")]
        public static partial void LoginRejected(this ILogger logger, string user, string reason);

        [LoggerMessage(EventId = 1001, EventName = "authentication.success", Level = LogLevel.Information, Message = "User {UserId} signed in")]
        public static partial void LoginAccepted(this ILogger logger, string userId);

        // A named event that is not in the vocabulary: plain logging, not a security event.
        [LoggerMessage(EventId = 1003, EventName = "UserSignedOut", Level = LogLevel.Information, Message = "User {UserId} signed out")]
        public static partial void SignedOut(this ILogger logger, string userId);

        public static partial void RecoveryCodesRegenerated(ILogger logger, string userId) => logger.LogInformation(new EventId(4102, "account.updated"), "User {UserId} regenerated their recovery codes", userId);

        public static partial void LoginRejected(this ILogger logger, string user, string reason) => logger.LogWarning(new EventId(1002, "authn_login_fail"), "Login rejected for {User}: {Reason}", user, reason);

        public static partial void LoginAccepted(this ILogger logger, string userId) => logger.LogInformation(new EventId(1001, "authentication.success"), "User {UserId} signed in", userId);

        public static partial void SignedOut(this ILogger logger, string userId) => logger.LogInformation(new EventId(1003, "UserSignedOut"), "User {UserId} signed out", userId);
    }

    public static class SecurityEventIds
    {
        public static readonly EventId LoginFailed = new EventId(1001, "authn_login_fail");
        public static readonly EventId Logout = new(1005, SecurityEventNames.AuthenticationLogout);
        public static EventId AccessDenied { get; } = new EventId(3001, "authz_fail");
        public static EventId RoleGranted { get; } = new(4001, name: "account.role_granted");

        // Named, but not vocabulary names.
        public static readonly EventId UserLoggedIn = new(1000, "UserLoggedIn");
        public static readonly EventId Forbidden = new(3000, "Forbidden");
    }
}

namespace Shapes.Auditing
{
    // Configured in corpus.editorconfig (secure_logging.event_emitters): a compliance journal written to a database,
    // not to a logger, and an append-only audit store interface whose implementation lives in another assembly.
    public sealed class ComplianceJournal
    {
        private readonly List<string> _rows = new();

        public Task WriteEntryAsync(string actor, string action, string target)
        {
            _rows.Add(actor + "|" + action + "|" + target);
            return Task.CompletedTask;
        }

        public int Count => _rows.Count;
    }

    public interface IAuditStore
    {
        Task AppendAsync(string category, string actor, string detail);
    }

    // Dispatched through an interface: the implementation in this compilation emits (SPEC §6).
    public interface ISecurityAuditor
    {
        void Denied(ClaimsPrincipal user, string resource, string action);
        Task RoleChangedAsync(string actor, string target, string role, bool granted);
        void Exported(string actor, string dataset, long count);
    }

    public sealed class SecurityAuditor : ISecurityAuditor
    {
        private readonly ILogger<SecurityAuditor> _logger;

        public SecurityAuditor(ILogger<SecurityAuditor> logger) => _logger = logger;

        public void Denied(ClaimsPrincipal user, string resource, string action)
            => _logger.LogWarning(Events.SecurityEventIds.AccessDenied, "{User} denied {Action} on {Resource}", user.Identity?.Name, action, resource);

        public Task RoleChangedAsync(string actor, string target, string role, bool granted)
        {
            if (granted)
            {
                _logger.LogWarning(Events.SecurityEventIds.RoleGranted, "{Actor} granted {Role} to {Target}", actor, role, target);
            }
            else
            {
                _logger.LogRoleRevoked(actor, target, role);
            }

            return Task.CompletedTask;
        }

        public void Exported(string actor, string dataset, long count) => _logger.LogDataExported(actor, dataset, count);
    }

    // An audit service that only writes plain text: not an emitter.
    public interface IActivityLog
    {
        void Note(string message);
    }

    public sealed class ActivityLog(ILogger<ActivityLog> logger) : IActivityLog
    {
        public void Note(string message) => logger.LogInformation("{Message}", message);
    }
}
