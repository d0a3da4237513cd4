using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureLogging.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ASP.NET Core integration of SecureLogging.</summary>
public static class SecureLoggingAspNetCoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds the per-request security context (client ip honouring the app's forwarded-headers setup, request id,
    /// user agent, authenticated user id) to every security event, and emits <c>authorization.denied</c> for denials
    /// the framework makes itself and <c>authentication.failure</c> for failed authentication schemes. It also adds
    /// the SecureLogging pipeline (<c>AddSecureLogging()</c>, options from the <c>"SecureLogging"</c> section) when the
    /// app has not, so those events reach the store, forwarders and detectors either way.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Optional configuration of the integration.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddSecureLoggingAspNetCore(this IServiceCollection services, Action<SecureLoggingAspNetCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var optionsBuilder = services.AddOptions<SecureLoggingAspNetCoreOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(SecureLoggingAspNetCoreMarker)))
        {
            return services;
        }

        services.AddSingleton<SecureLoggingAspNetCoreMarker>();
        services.AddSecureLogging();
        services.AddSingleton<IStartupFilter, SecurityContextStartupFilter>();

        // Make sure the framework's own implementations are registered, then wrap them.
        services.AddAuthenticationCore();
        services.AddAuthorization();
        Decorate<IAuthenticationService>(services, (inner, sp) => new AuthenticationFailureLoggingService(
            inner, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<IOptions<SecureLoggingAspNetCoreOptions>>()));
        Decorate<IAuthorizationMiddlewareResultHandler>(services, (inner, sp) => new AuthorizationDenialLoggingHandler(
            inner, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<IOptions<SecureLoggingAspNetCoreOptions>>()));
        return services;
    }

    private static void Decorate<TService>(IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        var descriptor = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"No {typeof(TService).Name} is registered to decorate.");
        services.Remove(descriptor);
        services.Add(ServiceDescriptor.Describe(
            typeof(TService),
            sp => decorate((TService)CreateInner(descriptor, sp), sp),
            descriptor.Lifetime));
    }

    private static object CreateInner(ServiceDescriptor descriptor, IServiceProvider services)
    {
        if (descriptor.ImplementationInstance is not null)
        {
            return descriptor.ImplementationInstance;
        }

        if (descriptor.ImplementationFactory is not null)
        {
            return descriptor.ImplementationFactory(services);
        }

        return ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
    }

    /// <summary>Makes a second call idempotent.</summary>
    private sealed class SecureLoggingAspNetCoreMarker
    {
    }
}
