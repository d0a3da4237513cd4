namespace SecureLogging.Tests.Pipeline;

public sealed class SecureLoggingOptionsValidatorTests
{
    private static string? Validate(Action<SecureLoggingOptions> configure)
    {
        var options = new SecureLoggingOptions();
        configure(options);
        var result = new SecureLoggingOptionsValidator().Validate(null, options);
        return result.Succeeded ? null : result.FailureMessage;
    }

    [Theory]
    [InlineData(90)]
    [InlineData(366)]
    [InlineData(2557)]
    public void Retention_from_90_days_to_7_years_inclusive_is_valid(int days)
        => Assert.Null(Validate(o => o.Retention = TimeSpan.FromDays(days)));

    [Theory]
    [InlineData(0)]
    [InlineData(89)]
    [InlineData(2558)]
    [InlineData(-1)]
    public void Retention_outside_the_range_says_what_to_change(int days)
    {
        var message = Validate(o => o.Retention = TimeSpan.FromDays(days));

        Assert.NotNull(message);
        Assert.Contains("SecureLogging:Retention", message, StringComparison.Ordinal);
        Assert.Contains("between 90 days and 7 years (2557 days) inclusive", message, StringComparison.Ordinal);
        Assert.Contains("SecureLoggingRetention.PciDss", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_just_under_90_days_is_rejected()
        => Assert.NotNull(Validate(o => o.Retention = TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1)));

    [Fact]
    public void Presets_are_valid_and_match_the_regulations()
    {
        Assert.Equal(366, SecureLoggingRetention.PciDss.TotalDays);
        Assert.Equal(2192, SecureLoggingRetention.Hipaa.TotalDays);
        Assert.Equal(2557, SecureLoggingRetention.Sox.TotalDays);
        foreach (var preset in new[] { SecureLoggingRetention.PciDss, SecureLoggingRetention.Hipaa, SecureLoggingRetention.Sox, new SecureLoggingOptions().Retention })
        {
            Assert.Null(Validate(o => o.Retention = preset));
        }
    }

    [Fact]
    public void Store_directory_requires_a_chain_key()
    {
        var message = Validate(o => o.StoreDirectory = "/var/log/security");

        Assert.Contains("StoreDirectory is set but SecureLogging:ChainKey is not", message, StringComparison.Ordinal);
        Assert.Contains("32 random bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_chain_key_is_rejected_and_any_other_length_is_accepted_as_hmac_accepts_any_key()
    {
        var message = Validate(o => o.ChainKey = []);

        Assert.Contains("ChainKey is empty", message, StringComparison.Ordinal);
        Assert.Null(Validate(o =>
        {
            o.ChainKey = System.Text.Encoding.UTF8.GetBytes("test-key");
            o.StoreDirectory = "/var/log/security";
        }));
    }

    [Fact]
    public void Store_settings_are_range_checked()
    {
        var message = Validate(o =>
        {
            o.Store.MaxFileSize = 10;
            o.Store.QueueCapacity = 0;
            o.Store.CheckpointInterval = TimeSpan.Zero;
            o.Store.Durability = (StoreDurability)42;
        });

        Assert.Contains("MaxFileSize is 10 bytes", message, StringComparison.Ordinal);
        Assert.Contains("QueueCapacity is 0", message, StringComparison.Ordinal);
        Assert.Contains("CheckpointInterval is 00:00:00", message, StringComparison.Ordinal);
        Assert.Contains("Durability is 42", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_valid_and_a_full_store_configuration_is_valid()
    {
        Assert.Null(Validate(_ => { }));
        Assert.Null(Validate(o =>
        {
            o.StoreDirectory = "/var/log/security";
            o.ChainKey = new byte[32];
        }));
    }
}
