using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureLogging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SecureLogging pipeline: options, the logger provider, the event fan-out and the store.</summary>
public static class SecureLoggingServiceCollectionExtensions
{
    /// <summary>
    /// Adds SecureLogging: security events logged through any <see cref="ILogger"/> reach every
    /// <see cref="ISecurityEventSink"/> (the tamper-evident store when <see cref="SecureLoggingOptions.StoreDirectory"/>
    /// is set, the syslog forwarder when <see cref="SecureLoggingOptions.Syslog"/> is, detectors), whatever the app's minimum log level. Options are bound from the
    /// <c>"SecureLogging"</c> configuration section when an <c>IConfiguration</c> is registered, then
    /// <paramref name="configure"/> runs; they are validated at startup. Disposing the service provider flushes the
    /// store. Calling it again only adds <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets options in code (runs after configuration binding).</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddSecureLogging(this IServiceCollection services, Action<SecureLoggingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(SecurityEventDispatcher)))
        {
            services.AddLogging();
            services.AddOptions<SecureLoggingOptions>().ValidateOnStart();
            services.AddSingleton<IConfigureOptions<SecureLoggingOptions>, SecureLoggingConfigureFromConfiguration>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecureLoggingOptions>, SecureLoggingOptionsValidator>());

            services.AddSingleton<SecurityEventDispatcher>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, SecureLoggingLoggerProvider>(
                sp => new SecureLoggingLoggerProvider(sp.GetRequiredService<SecurityEventDispatcher>(), sp.GetRequiredService<IOptions<SecureLoggingOptions>>())));

            // Security events must reach the sinks whatever the app's minimum level: a provider-specific rule wins
            // over every general rule (Logging:LogLevel:Default, SetMinimumLevel).
            services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(SecureLoggingLoggerProvider).FullName, null, LogLevel.Trace, null)));

            services.TryAddSingleton<SecurityEventStore>();
            services.AddSingleton<ISecurityEventSink>(sp => sp.GetRequiredService<SecurityEventStore>());
            services.TryAddSingleton<ConfiguredSyslogForwarder>();
            services.AddSingleton<ISecurityEventSink>(sp => sp.GetRequiredService<ConfiguredSyslogForwarder>());

            // The detectors watch every event like any sink and write their alert.* records back through the same
            // fan-out (store, forwarders, app sinks); ISecurityAlertSinks (the webhook when configured) are told too.
            services.TryAddSingleton(sp => new SecurityAlertDetector(
                sp.GetRequiredService<IOptions<SecureLoggingOptions>>().Value.Alerts,
                sp.GetService<TimeProvider>(),
                sp.GetServices<ISecurityAlertSink>(),
                sp.GetRequiredService<SecurityEventDispatcher>().Dispatch));
            services.AddSingleton<ISecurityEventSink>(sp => sp.GetRequiredService<SecurityAlertDetector>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecurityAlertSink, ConfiguredWebhookAlertSink>());
            services.AddHostedService<SecureLoggingStartup>();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services;
    }
}
