using System.Security.Claims;

namespace SecureLogging.AspNetCore;

/// <summary>Options of <c>AddSecureLoggingAspNetCore</c>.</summary>
public sealed class SecureLoggingAspNetCoreOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether every request runs inside a <see cref="SecurityContext"/> scope that
    /// supplies the client ip address, request id, user agent and authenticated user id to security events.
    /// Default: <see langword="true"/>.
    /// </summary>
    public bool EnableRequestContext { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether authorization denials made by the framework itself (<c>[Authorize]</c>
    /// policies, endpoint authorization) emit <c>authorization.denied</c>. Default: <see langword="true"/>.
    /// </summary>
    public bool LogAuthorizationFailures { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether a failed authentication scheme (an invalid or expired bearer token, a
    /// tampered cookie) emits <c>authentication.failure</c>. Default: <see langword="true"/>.
    /// </summary>
    public bool LogAuthenticationFailures { get; set; } = true;

    /// <summary>
    /// Gets the claim types read, in order, for the authenticated user's id. Default: <see cref="ClaimTypes.NameIdentifier"/>
    /// then <c>sub</c> (JWT) then <c>oid</c> (Entra ID).
    /// </summary>
    public IList<string> UserIdClaimTypes { get; } = new List<string> { ClaimTypes.NameIdentifier, "sub", "oid" };
}
