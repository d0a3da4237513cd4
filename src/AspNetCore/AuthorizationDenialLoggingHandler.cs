using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SecureLogging.AspNetCore;

/// <summary>
/// Decorates the app's <see cref="IAuthorizationMiddlewareResultHandler"/>: when the framework forbids a request
/// itself (an <c>[Authorize]</c> policy or endpoint requirement fails for an authenticated user) it emits
/// <c>authorization.denied</c> with who, which resource (the request path) and which action (the HTTP method), then
/// lets the inner handler produce the response. A challenge (no authenticated user) is not a denial.
/// </summary>
internal sealed class AuthorizationDenialLoggingHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly IAuthorizationMiddlewareResultHandler _inner;
    private readonly ILogger _logger;
    private readonly SecureLoggingAspNetCoreOptions _options;

    public AuthorizationDenialLoggingHandler(IAuthorizationMiddlewareResultHandler inner, ILoggerFactory loggerFactory, IOptions<SecureLoggingAspNetCoreOptions> options)
    {
        _inner = inner;
        _logger = loggerFactory.CreateLogger("SecureLogging.AspNetCore.Authorization");
        _options = options.Value;
    }

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && _options.LogAuthorizationFailures)
        {
            try
            {
                _logger.LogAccessDenied(
                    HttpSecurityContextSource.UserIdOf(context.User, _options.UserIdClaimTypes),
                    resource: context.Request.Path.HasValue ? context.Request.Path.Value! : "/",
                    action: context.Request.Method,
                    reason: DescribeFailure(authorizeResult.AuthorizationFailure));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Recording the denial must never turn a 403 into a 500.
                _logger.LogDebug(exception, "Could not record an authorization denial.");
            }
        }

        return _inner.HandleAsync(next, context, policy, authorizeResult);
    }

    private static string DescribeFailure(AuthorizationFailure? failure)
    {
        if (failure is null)
        {
            return "policy_failed";
        }

        if (failure.FailCalled)
        {
            return "policy_failed: a handler failed the request";
        }

        // The framework's requirements describe themselves ("RolesAuthorizationRequirement:User.IsInRole must be true for one of the following roles: (Admin)").
        var names = failure.FailedRequirements.Select(r => r.ToString() ?? r.GetType().Name).Distinct(StringComparer.Ordinal).ToArray();
        return names.Length == 0 ? "policy_failed" : "policy_failed: " + string.Join(", ", names);
    }
}
