using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SecureLogging.AspNetCore;

/// <summary>
/// Decorates <see cref="IAuthenticationService"/>: when a scheme fails to authenticate a request that presented
/// credentials (an invalid, expired or tampered bearer token or cookie — <see cref="AuthenticateResult.Failure"/> set,
/// as opposed to <see cref="AuthenticateResult.NoResult"/>), it emits <c>authentication.failure</c> once per request
/// and scheme. The failure's message is not logged: it can quote the token.
/// </summary>
internal sealed class AuthenticationFailureLoggingService : IAuthenticationService
{
    private const string LoggedKeyPrefix = "SecureLogging.AuthenticationFailureLogged:";

    private readonly IAuthenticationService _inner;
    private readonly ILogger _logger;
    private readonly SecureLoggingAspNetCoreOptions _options;

    public AuthenticationFailureLoggingService(IAuthenticationService inner, ILoggerFactory loggerFactory, IOptions<SecureLoggingAspNetCoreOptions> options)
    {
        _inner = inner;
        _logger = loggerFactory.CreateLogger("SecureLogging.AspNetCore.Authentication");
        _options = options.Value;
    }

    public async Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme)
    {
        var result = await _inner.AuthenticateAsync(context, scheme).ConfigureAwait(false);
        if (result.Failure is not null && _options.LogAuthenticationFailures)
        {
            RecordFailure(context, scheme ?? result.Ticket?.AuthenticationScheme ?? "default", result.Failure);
        }

        return result;
    }

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties)
        => _inner.ChallengeAsync(context, scheme, properties);

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties)
        => _inner.ForbidAsync(context, scheme, properties);

    public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties)
        => _inner.SignInAsync(context, scheme, principal, properties);

    public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties)
        => _inner.SignOutAsync(context, scheme, properties);

    private void RecordFailure(HttpContext context, string scheme, Exception failure)
    {
        // The authentication and authorization middleware may both authenticate the same scheme: one event per request.
        var key = LoggedKeyPrefix + scheme;
        if (context.Items.ContainsKey(key))
        {
            return;
        }

        context.Items[key] = true;
        try
        {
            _logger.LogLoginFailed(attemptedUser: null, reason: "invalid_credentials: " + scheme + " (" + failure.GetType().Name + ")", method: scheme);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _logger.LogDebug(exception, "Could not record an authentication failure.");
        }
    }
}
