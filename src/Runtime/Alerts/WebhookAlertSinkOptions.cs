namespace SecureLogging;

/// <summary>Where and how <see cref="WebhookAlertSink"/> posts alerts. Bound from <c>SecureLogging:Alerts:Webhook</c>.</summary>
public sealed class WebhookAlertSinkOptions
{
    /// <summary>The http(s) endpoint that receives each alert as a JSON POST body. No webhook when null.</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// Extra request headers, e.g. an <c>Authorization</c> header the receiver expects. Keep the values in a secret
    /// store; they are never logged.
    /// </summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Alerts waiting to be sent; beyond this, new alerts are dropped and counted. Default 1,000.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Attempts per alert, the first included, before it is dropped and counted. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; doubled (with jitter) per retry. Default 1 second.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries. Default 1 minute.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Timeout of one POST. Default 10 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long disposing waits for queued alerts to be sent. Default 5 seconds.</summary>
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Checks every value and returns the problems found (empty when valid).</summary>
    /// <returns>One message per invalid setting.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Url is not null && (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttps && Url.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add($"SecureLogging:Alerts:Webhook:Url must be an absolute http or https URL.");
        }

        if (QueueCapacity < 1 || QueueCapacity > 1_000_000)
        {
            errors.Add($"SecureLogging:Alerts:Webhook:QueueCapacity is {QueueCapacity}; it must be between 1 and 1000000.");
        }

        if (MaxAttempts < 1 || MaxAttempts > 100)
        {
            errors.Add($"SecureLogging:Alerts:Webhook:MaxAttempts is {MaxAttempts}; it must be between 1 and 100.");
        }

        if (InitialBackoff < TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            errors.Add("SecureLogging:Alerts:Webhook:InitialBackoff must be at least zero and MaxBackoff at least InitialBackoff.");
        }

        if (RequestTimeout <= TimeSpan.Zero || FlushTimeout < TimeSpan.Zero)
        {
            errors.Add("SecureLogging:Alerts:Webhook:RequestTimeout must be positive and FlushTimeout at least zero.");
        }

        if (Headers is null)
        {
            errors.Add("SecureLogging:Alerts:Webhook:Headers must not be null.");
        }

        return errors;
    }
}
