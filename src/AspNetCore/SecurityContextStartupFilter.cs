using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace SecureLogging.AspNetCore;

/// <summary>
/// Puts <see cref="SecurityContextMiddleware"/> first in the pipeline, so that everything the app logs — its own
/// middleware, authentication handlers, endpoints — runs inside the request's security context. Because the context
/// reads the ip and user lazily, running before <c>UseForwardedHeaders</c> and <c>UseAuthentication</c> is correct.
/// </summary>
internal sealed class SecurityContextStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        => app =>
        {
            app.UseMiddleware<SecurityContextMiddleware>();
            next(app);
        };
}
