using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SecureLogging.AspNetCore;

/// <summary>Runs each request inside a <see cref="SecurityContext"/> scope backed by the request itself.</summary>
internal sealed class SecurityContextMiddleware
{
    private readonly RequestDelegate _next;
    private readonly SecureLoggingAspNetCoreOptions _options;

    public SecurityContextMiddleware(RequestDelegate next, IOptions<SecureLoggingAspNetCoreOptions> options)
    {
        _next = next;
        _options = options.Value;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_options.EnableRequestContext)
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        using (SecurityContext.Begin(new HttpSecurityContextSource(context, _options.UserIdClaimTypes)))
        {
            await _next(context).ConfigureAwait(false);
        }
    }
}
