using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace SecureLogging.AspNetCore;

/// <summary>
/// The who/where of one request, read when an event is written rather than when the request starts: the client ip
/// is taken from <see cref="ConnectionInfo.RemoteIpAddress"/> at that moment, so the app's forwarded-headers setup
/// (<c>UseForwardedHeaders</c> with its known proxies) has already been applied — a raw <c>X-Forwarded-For</c> header
/// is never trusted by itself — and the user id is that of the principal authentication has set by then.
/// </summary>
internal sealed class HttpSecurityContextSource : ISecurityContextSource
{
    private readonly HttpContext _context;
    private readonly IList<string> _userIdClaimTypes;

    public HttpSecurityContextSource(HttpContext context, IList<string> userIdClaimTypes)
    {
        _context = context;
        _userIdClaimTypes = userIdClaimTypes;
        RequestId = Activity.Current?.TraceId.ToString() is { Length: > 0 } traceId && traceId != "00000000000000000000000000000000"
            ? traceId
            : context.TraceIdentifier;
        UserAgent = context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;
    }

    public string? RequestId { get; }

    public string? UserAgent { get; }

    public string? IpAddress
    {
        get
        {
            try
            {
                var address = _context.Connection.RemoteIpAddress;
                if (address is null)
                {
                    return null;
                }

                return address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
            }
            catch (ObjectDisposedException)
            {
                // An event written after the request completed: the connection is gone, the ip is unknown.
                return null;
            }
        }
    }

    public string? UserId
    {
        get
        {
            try
            {
                return UserIdOf(_context.User, _userIdClaimTypes);
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
        }
    }

    /// <summary>Reads the user id of a principal with the configured claim types (for events about a principal).</summary>
    public static string? UserIdOf(ClaimsPrincipal? user, IList<string> claimTypes)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        foreach (var claimType in claimTypes)
        {
            var value = user.FindFirst(claimType)?.Value;
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }
}
