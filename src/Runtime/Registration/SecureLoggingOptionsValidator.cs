using System.Globalization;
using Microsoft.Extensions.Options;

namespace SecureLogging;

/// <summary>
/// Validates <see cref="SecureLoggingOptions"/> at startup. Every message names the setting, the value found and
/// what to change it to, so a failed start can be fixed from the message alone.
/// </summary>
public sealed class SecureLoggingOptionsValidator : IValidateOptions<SecureLoggingOptions>
{
    /// <summary>
    /// The recommended <see cref="SecureLoggingOptions.ChainKey"/> length, in bytes (the HMAC-SHA256 output size). Any
    /// non-empty key is accepted, as HMAC accepts any key; a shorter one gets a warning at startup.
    /// </summary>
    public const int RecommendedChainKeyLength = 32;

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SecureLoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.Retention < SecureLoggingRetention.Minimum || options.Retention > SecureLoggingRetention.Maximum)
        {
            failures.Add(
                Format($"SecureLogging:Retention is {options.Retention} ({options.Retention.TotalDays:0.##} days); it must be between 90 days and 7 years (2557 days) inclusive. ") +
                "Use SecureLoggingRetention.PciDss (1 year), .Hipaa (6 years) or .Sox (7 years), or a value such as \"365.00:00:00\" in configuration.");
        }

        if (options.ChainKey is { Length: 0 })
        {
            failures.Add(Format(
                $"SecureLogging:ChainKey is empty; set it to {RecommendedChainKeyLength} random bytes (base64 in configuration, e.g. the output of `openssl rand -base64 32`), or leave it unset to run without a store."));
        }

        if (!string.IsNullOrWhiteSpace(options.StoreDirectory) && options.ChainKey is null)
        {
            failures.Add(
                "SecureLogging:StoreDirectory is set but SecureLogging:ChainKey is not: the tamper-evident store needs an HMAC key. " +
                "Set ChainKey to at least 32 random bytes (base64 in configuration, from a secret store, never next to the logs), or remove StoreDirectory.");
        }

        if (options.StoreDirectory is { } directory && directory.Length > 0 && directory.Trim().Length == 0)
        {
            failures.Add("SecureLogging:StoreDirectory is blank: set it to a directory path, or leave it unset to run without a store.");
        }

        ValidateStore(options.Store, failures);
        if (options.Alerts is null)
        {
            failures.Add("SecureLogging:Alerts is null: leave it at its default instance (set Alerts:Enabled to false to turn the detectors off).");
        }
        else
        {
            failures.AddRange(options.Alerts.Validate());
        }

        if (options.Syslog is { } syslog)
        {
            failures.AddRange(syslog.Validate());
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateStore(SecureLoggingStoreOptions? store, List<string> failures)
    {
        if (store is null)
        {
            failures.Add("SecureLogging:Store is null: leave it at its default instance.");
            return;
        }

        if (!Enum.IsDefined(store.Durability))
        {
            failures.Add(Format($"SecureLogging:Store:Durability is {(int)store.Durability}; use FlushToDiskPerBatch, FlushToDiskPerRecord or OperatingSystem."));
        }

        if (store.MaxFileSize < SecureLoggingStoreOptions.MinimumFileSize)
        {
            failures.Add(Format($"SecureLogging:Store:MaxFileSize is {store.MaxFileSize} bytes; it must be at least {SecureLoggingStoreOptions.MinimumFileSize} (64 KiB)."));
        }

        if (store.QueueCapacity is < 1 or > 10_000_000)
        {
            failures.Add(Format($"SecureLogging:Store:QueueCapacity is {store.QueueCapacity}; it must be between 1 and 10000000."));
        }

        if (store.CheckpointInterval < TimeSpan.FromSeconds(1) || store.CheckpointInterval > TimeSpan.FromDays(1))
        {
            failures.Add(Format($"SecureLogging:Store:CheckpointInterval is {store.CheckpointInterval}; it must be between 00:00:01 and 1.00:00:00."));
        }

        if (store.RetentionSweepInterval < TimeSpan.FromMinutes(1) || store.RetentionSweepInterval > TimeSpan.FromDays(1))
        {
            failures.Add(Format($"SecureLogging:Store:RetentionSweepInterval is {store.RetentionSweepInterval}; it must be between 00:01:00 and 1.00:00:00."));
        }
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
