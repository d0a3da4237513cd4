using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SecureLogging;

/// <summary>
/// Runs when a host starts: opens the store at once (so recovery of a crashed store and an unwritable directory
/// are reported at startup, not at the first event) and warns when no <see cref="SecureLoggingOptions.ChainKey"/>
/// is set. Options validation itself runs through <c>ValidateOnStart</c>.
/// </summary>
internal sealed partial class SecureLoggingStartup : IHostedService
{
    private readonly IOptions<SecureLoggingOptions> _options;
    private readonly SecurityEventStore _store;
    private readonly ILogger<SecureLoggingStartup> _logger;

    public SecureLoggingStartup(IOptions<SecureLoggingOptions> options, SecurityEventStore store, ILogger<SecureLoggingStartup> logger)
    {
        _options = options;
        _store = store;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Value.ChainKey is null)
        {
            LogNoChainKey(_logger);
        }
        else if (_options.Value.ChainKey.Length < SecureLoggingOptionsValidator.RecommendedChainKeyLength)
        {
            LogShortChainKey(_logger, _options.Value.ChainKey.Length, SecureLoggingOptionsValidator.RecommendedChainKeyLength);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _store.FlushAsync(cancellationToken);

    [LoggerMessage(EventId = 10, EventName = "SecureLoggingNoChainKey", Level = LogLevel.Warning,
        Message = "SecureLogging: no ChainKey is configured, so Redact.Token/Redact.Pii fingerprints use a random per-process key (not correlatable across restarts or instances) and no tamper-evident store can run. Set SecureLogging:ChainKey (at least 32 random bytes, base64).")]
    private static partial void LogNoChainKey(ILogger logger);

    [LoggerMessage(EventId = 11, EventName = "SecureLoggingShortChainKey", Level = LogLevel.Warning,
        Message = "SecureLogging: the ChainKey is {Length} bytes; use {Recommended} random bytes (`openssl rand -base64 32`): a short or guessable key lets anyone who knows it forge the store's chain and test guesses against the fingerprints.")]
    private static partial void LogShortChainKey(ILogger logger, int length, int recommended);
}
