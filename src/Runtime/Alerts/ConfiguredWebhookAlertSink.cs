using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SecureLogging;

/// <summary>
/// The <see cref="WebhookAlertSink"/> of <c>SecureLogging:Alerts:Webhook</c> as registered by <c>AddSecureLogging</c>:
/// whether there is one is known only once options are bound, so this wrapper is always registered and forwards to
/// a webhook sink only when a URL is configured. Disposed (flushed) with the service provider.
/// </summary>
internal sealed class ConfiguredWebhookAlertSink : ISecurityAlertSink, IAsyncDisposable, IDisposable
{
    private readonly WebhookAlertSink? _inner;

    public ConfiguredWebhookAlertSink(IOptions<SecureLoggingOptions> options, IServiceProvider services)
    {
        SecureLoggingAlertOptions? alerts = options.Value.Alerts;
        if (alerts is { Enabled: true, Webhook.Url: not null })
        {
            _inner = new WebhookAlertSink(
                alerts.Webhook,
                httpClient: null,
                (TimeProvider?)services.GetService(typeof(TimeProvider)),
                (ILogger<WebhookAlertSink>?)services.GetService(typeof(ILogger<WebhookAlertSink>)));
        }
    }

    public bool IsActive => _inner is not null;

    public void OnAlert(SecurityEventRecord alert) => _inner?.OnAlert(alert);

    public ValueTask DisposeAsync() => _inner?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => _inner?.Dispose();
}
