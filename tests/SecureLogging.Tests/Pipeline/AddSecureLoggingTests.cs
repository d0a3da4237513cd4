using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureLogging.Tests.Store;

namespace SecureLogging.Tests.Pipeline;

public sealed class AddSecureLoggingTests
{
    [Fact]
    public void Security_events_reach_the_sinks_whatever_the_minimum_level_and_ordinary_logs_do_not()
    {
        var sink = new CollectingSink();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Critical).AddSecureLogging());
        services.AddSingleton<ISecurityEventSink>(sink);
        using (var provider = services.BuildServiceProvider())
        {
            var logger = provider.GetRequiredService<ILogger<AddSecureLoggingTests>>();
            logger.LogInformation("ordinary message {Value}", 1);
            logger.LogError("an error that is not a security event");
            logger.LogLoginFailed("alice", "bad password");
            logger.LogLoginSucceeded("u-1", "alice");
            logger.Log(LogLevel.Debug, new EventId(4242, "authz_fail"), "denied {Resource}", "/admin");
        }

        var events = sink.Records.Select(r => r.Event).ToArray();
        Assert.Equal(["authentication.failure", "authentication.success", "authorization.denied"], events);
        Assert.Equal(LogLevel.Debug, sink.Records.Last().Level);
        Assert.True(sink.Disposed >= 1, "disposing the provider flushes the sinks");
    }

    [Fact]
    public async Task Store_receives_events_and_disposing_the_service_provider_closes_it()
    {
        using var dir = new StoreTestDirectory();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSecureLogging(o =>
        {
            o.StoreDirectory = dir.Path;
            o.ChainKey = StoreTestDirectory.Key;
        });
        var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.Accounts");
        for (var i = 0; i < 50; i++)
        {
            logger.LogLoginFailed("user" + i, "bad password");
        }

        logger.LogRoleGranted("admin-1", "user-7", "Admin");
        logger.LogWarning("not a security event");
        await provider.DisposeAsync();

        var result = dir.Verify(requireClosed: true);
        Assert.True(result.Ok, result.Summary);
        // 50 failures + the grant + the alert.privilege_escalation the (default-on) detectors raise for the Admin grant.
        Assert.Equal(52, result.Records);
        Assert.DoesNotContain(File.ReadLines(dir.Files[0]), l => l.Contains("not a security event", StringComparison.Ordinal));
    }

    [Fact]
    public void Throwing_sink_does_not_stop_the_others_nor_the_app()
    {
        var sink = new CollectingSink();
        var services = new ServiceCollection();
        services.AddSingleton<ISecurityEventSink, ThrowingSink>();
        services.AddSingleton<ISecurityEventSink>(sink);
        services.AddSecureLogging();
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILogger<AddSecureLoggingTests>>();

        logger.LogLogout("u-1");
        logger.LogLogout("u-2");

        Assert.Equal(2, sink.Records.Count);
        Assert.Equal(2, provider.GetRequiredService<SecurityEventDispatcher>().SinkFailures);
    }

    [Fact]
    public void Options_bind_from_the_SecureLogging_configuration_section_then_code_runs()
    {
        var key = Convert.ToBase64String(StoreTestDirectory.Key);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SecureLogging:Retention"] = "2192.00:00:00",
            ["SecureLogging:StoreDirectory"] = "/var/log/app/security",
            ["SecureLogging:ChainKey"] = key,
            ["SecureLogging:Store:Durability"] = "OperatingSystem",
            ["SecureLogging:Store:MaxFileSize"] = "1048576",
            ["SecureLogging:Store:CheckpointInterval"] = "00:00:30",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSecureLogging(o => o.Store.QueueCapacity = 123);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SecureLoggingOptions>>().Value;

        Assert.Equal(SecureLoggingRetention.Hipaa, options.Retention);
        Assert.Equal("/var/log/app/security", options.StoreDirectory);
        Assert.Equal(StoreTestDirectory.Key, options.ChainKey);
        Assert.Equal(StoreDurability.OperatingSystem, options.Store.Durability);
        Assert.Equal(1048576, options.Store.MaxFileSize);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Store.CheckpointInterval);
        Assert.Equal(123, options.Store.QueueCapacity);
    }

    [Fact]
    public async Task Host_start_fails_on_invalid_options_with_a_message_that_says_what_to_change()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.AddSecureLogging(o =>
        {
            o.Retention = TimeSpan.FromDays(30);
            o.StoreDirectory = Path.GetTempPath();
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            using var host = builder.Build();
            await host.StartAsync();
        });

        Assert.Contains("SecureLogging:Retention is 30.00:00:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("between 90 days and 7 years", error.Message, StringComparison.Ordinal);
        Assert.Contains("SecureLogging:StoreDirectory is set but SecureLogging:ChainKey is not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_with_a_store_starts_writes_and_closes_the_store_on_shutdown()
    {
        using var dir = new StoreTestDirectory();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["SecureLogging:StoreDirectory"] = dir.Path;
        builder.Configuration["SecureLogging:ChainKey"] = Convert.ToBase64String(StoreTestDirectory.Key);
        builder.Logging.AddSecureLogging();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            host.Services.GetRequiredService<ILogger<AddSecureLoggingTests>>().LogDataExported("u-1", "customers", 5000);
            await host.StopAsync();
        }

        var result = dir.Verify(requireClosed: true);
        Assert.True(result.Ok, result.Summary);
        Assert.Equal(1, result.Records);
    }

    [Fact]
    public void Chain_key_keys_the_Redact_fingerprints()
    {
        var services = new ServiceCollection();
        services.AddSecureLogging(o => o.ChainKey = StoreTestDirectory.Key);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ILoggerFactory>();

        Assert.False(Redact.UsesEphemeralKey);
    }

    [Fact]
    public void Adding_twice_registers_one_provider_and_one_store()
    {
        var services = new ServiceCollection();
        services.AddSecureLogging();
        services.AddLogging(b => b.AddSecureLogging());

        Assert.Single(services, d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationFactory is not null);
        Assert.Single(services, d => d.ServiceType == typeof(SecurityEventStore));
    }
}
