namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

/// <summary>Shared pieces of test sources for SL2001–SL2005.</summary>
internal static class SecurityEventTestSources
{
    /// <summary>The usings every Identity-shaped test source starts with.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.Extensions.Logging;
        using SecureLogging;
        using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

        """;

    /// <summary>
    /// Until the runtime's SecurityLog is on main the tests compile against this copy of its SPEC §7 surface; the
    /// analyzers find whichever the compilation has by metadata name.
    /// </summary>
    public const string SecurityLogStub = """

        namespace SecureLogging
        {
            public static class SecurityLog
            {
                public static void LogLoginSucceeded(this ILogger logger, string userId, string? userName = null, string? method = null) { }
                public static void LogLoginFailed(this ILogger logger, string? attemptedUser, string reason, string? method = null) { }
                public static void LogLockout(this ILogger logger, string userId, string? userName = null, string? reason = null) { }
                public static void LogLogout(this ILogger logger, string userId) { }
                public static void LogPasswordChanged(this ILogger logger, string userId) { }
                public static void LogMfaEnrolled(this ILogger logger, string userId, string method) { }
                public static void LogMfaFailed(this ILogger logger, string? userId, string method, string? reason = null) { }
                public static void LogAccessDenied(this ILogger logger, string? userId, string resource, string action, string reason) { }
                public static void LogAccountCreated(this ILogger logger, string actorUserId, string targetUserId) { }
                public static void LogAccountDeleted(this ILogger logger, string actorUserId, string targetUserId) { }
                public static void LogRoleGranted(this ILogger logger, string actorUserId, string targetUserId, string role) { }
                public static void LogRoleRevoked(this ILogger logger, string actorUserId, string targetUserId, string role) { }
                public static void LogDataExported(this ILogger logger, string userId, string dataset, long recordCount) { }
                public static void LogBulkDeleted(this ILogger logger, string userId, string resource, long recordCount) { }
                public static void LogConfigurationChanged(this ILogger logger, string userId, string setting) { }
                public static void LogApiKeyCreated(this ILogger logger, string userId, string keyId) { }
                public static void LogApiKeyRevoked(this ILogger logger, string userId, string keyId) { }
            }
        }
        """;
}
