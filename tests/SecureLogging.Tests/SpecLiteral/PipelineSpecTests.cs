using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureLogging.Tests.Pipeline;
using SecureLogging.Tests.Store;

namespace SecureLogging.Tests.SpecLiteral;

/// <summary>SPEC §7 SecurityContext, options validation and registration; §9 retention bounds.</summary>
public sealed class PipelineSpecTests
{
    [Fact]
    public async Task Context_flows_across_await_and_thread_pool_hops()
    {
        var logger = new CapturingLogger();
        using (SecurityContext.Begin("198.51.100.4", "req-9", "UA/1", "u-9"))
        {
            await Task.Yield();
            await Task.Delay(1);
            await Task.Run(() => logger.LogLogout("u-9"));
        }

        var record = logger.Single().Record;
        Assert.Equal("198.51.100.4", record.IpAddress);
        Assert.Equal("req-9", record.RequestId);
        Assert.Equal("UA/1", record.UserAgent);
        Assert.Equal("u-9", record.UserId);
    }

    [Fact]
    public void Context_user_id_fills_events_that_name_no_user()
    {
        var logger = new CapturingLogger();
        using (SecurityContext.Begin(userId: "ctx-user"))
        {
            logger.LogMfaFailed(null, "totp");
            logger.LogAccessDenied(null, "/admin", "read", "policy");
        }

        Assert.All(logger.Entries, e => Assert.Equal("ctx-user", e.Record.UserId));
    }

    [Fact]
    public void Nested_scopes_override_inherit_and_restore()
    {
        var logger = new CapturingLogger();
        using (SecurityContext.Begin(ipAddress: "10.0.0.1", requestId: "outer"))
        {
            using (SecurityContext.Begin(requestId: "inner"))
            {
                logger.LogLogout("u");
            }

            logger.LogLogout("u");
        }

        logger.LogLogout("u");

        Assert.Equal(("10.0.0.1", "inner"), (logger.Entries[0].Record.IpAddress, logger.Entries[0].Record.RequestId));
        Assert.Equal(("10.0.0.1", "outer"), (logger.Entries[1].Record.IpAddress, logger.Entries[1].Record.RequestId));
        Assert.Equal((null, null), (logger.Entries[2].Record.IpAddress, logger.Entries[2].Record.RequestId));
    }

    [Fact]
    public async Task A_scope_begun_in_a_child_task_does_not_leak_to_the_parent()
    {
        var logger = new CapturingLogger();
        await Task.Run(() => SecurityContext.Begin(ipAddress: "10.9.9.9"));
        logger.LogLogout("u");
        Assert.Null(logger.Single().Record.IpAddress);
    }

    [Theory]
    [InlineData(90, true)]
    [InlineData(91, true)]
    [InlineData(365, true)]
    [InlineData(2555, true)]
    [InlineData(2557, true)]
    [InlineData(89, false)]
    [InlineData(1, false)]
    [InlineData(0, false)]
    [InlineData(2558, false)]
    [InlineData(3650, false)]
    public void Retention_is_validated_90_days_to_7_years_inclusive(int days, bool valid)
    {
        var services = new ServiceCollection();
        services.AddSecureLogging(o => o.Retention = TimeSpan.FromDays(days));
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<SecureLoggingOptions>>().Value;
        if (valid)
        {
            Assert.Equal(TimeSpan.FromDays(days), read().Retention);
        }
        else
        {
            var error = Assert.Throws<OptionsValidationException>(read);
            Assert.Contains("Retention", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Seven_calendar_years_is_accepted()
    {
        var start = new DateTime(2024, 1, 1);
        var sevenYears = start.AddYears(7) - start;
        var result = new SecureLoggingOptionsValidator().Validate(null, new SecureLoggingOptions { Retention = sevenYears });
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public async Task A_short_chain_key_is_accepted_and_keys_a_store_that_verifies()
    {
        using var dir = new StoreTestDirectory();
        var key = System.Text.Encoding.UTF8.GetBytes("test-key");
        var options = new SecureLoggingOptions { StoreDirectory = dir.Path, ChainKey = key };
        Assert.True(new SecureLoggingOptionsValidator().Validate(null, options).Succeeded);

        // The store directly, not through AddSecureLogging: that would re-key the process-wide fingerprints.
        var store = new SecurityEventStore(Options.Create(options));
        store.Write(SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationLogout) { UserId = "u1" }));
        await store.DisposeAsync();

        var result = StoreVerifier.Verify(dir.Path, key, null, requireClosed: true);
        Assert.True(result.Ok, result.Summary);
        Assert.Equal(1, result.Records);
    }

    [Fact]
    public void Store_directory_without_a_chain_key_is_rejected_at_startup()
    {
        var services = new ServiceCollection();
        services.AddSecureLogging(o => o.StoreDirectory = Path.Combine(Path.GetTempPath(), "never-created-" + Guid.NewGuid().ToString("N")));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SecureLoggingOptions>>().Value);
        Assert.Contains("ChainKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_let_the_host_build_and_fail_StartAsync_as_ValidateOnStart_does()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.AddSecureLogging(o => o.Retention = TimeSpan.FromDays(30));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("SecureLogging:Retention is 30.00:00:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_host_invalid_options_never_reach_the_sinks_and_the_events_are_counted()
    {
        var sink = new CollectingSink();
        var services = new ServiceCollection();
        services.AddSingleton<ISecurityEventSink>(sink);
        services.AddSecureLogging(o => o.Retention = TimeSpan.FromDays(1));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ILogger<PipelineSpecTests>>().LogLogout("u1");

        Assert.Empty(sink.Records);
        var secureProvider = Assert.Single(provider.GetServices<ILoggerProvider>().OfType<SecureLoggingLoggerProvider>());
        Assert.Equal(1, secureProvider.DroppedForInvalidOptions);
    }

    [Fact]
    public async Task Invalid_options_fail_the_host_at_start_through_the_logging_builder()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSecureLogging(o => o.Retention = TimeSpan.FromDays(10 * 365));

        await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            using var host = builder.Build();
            await host.StartAsync();
        });
    }

    [Fact]
    public void Options_bind_from_the_SecureLogging_section_with_the_spec_key_names()
    {
        using var dir = new StoreTestDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SecureLogging:Retention"] = "365.00:00:00",
            ["SecureLogging:StoreDirectory"] = dir.Path,
            ["SecureLogging:ChainKey"] = Convert.ToBase64String(StoreTestDirectory.Key),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddSecureLogging(_ => { }));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SecureLoggingOptions>>().Value;
        Assert.Equal(TimeSpan.FromDays(365), options.Retention);
        Assert.Equal(dir.Path, options.StoreDirectory);
        Assert.Equal(StoreTestDirectory.Key, options.ChainKey);
    }

    [Fact]
    public void Options_bind_in_a_host_from_appsettings_style_configuration_and_invalid_values_fail()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["SecureLogging:Retention"] = "30.00:00:00";
        builder.Services.AddSecureLogging(_ => { });

        using var host = builder.Build();
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SecureLoggingOptions>>().Value);
        Assert.Contains("Retention", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LogLevel.None)]
    [InlineData(LogLevel.Critical)]
    [InlineData(LogLevel.Error)]
    public void Events_reach_the_sinks_whatever_the_minimum_level_through_both_registrations(LogLevel minimum)
    {
        foreach (var viaBuilder in new[] { true, false })
        {
            var sink = new CollectingSink();
            var services = new ServiceCollection();
            services.AddSingleton<ISecurityEventSink>(sink);
            services.AddLogging(b => b.SetMinimumLevel(minimum).AddFilter("Microsoft", LogLevel.None).AddFilter((category, level) => level >= LogLevel.Critical));
            if (viaBuilder)
            {
                services.AddLogging(b => b.AddSecureLogging(_ => { }));
            }
            else
            {
                services.AddSecureLogging(_ => { });
            }

            using (var provider = services.BuildServiceProvider())
            {
                var logger = provider.GetRequiredService<ILogger<PipelineSpecTests>>();
                logger.LogLoginSucceeded("u1");
                logger.LogLogout("u1");
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Identity").LogLoginFailed("bob", "invalid_credentials");
                logger.LogInformation("an ordinary line");
            }

            Assert.Equal(["authentication.success", "authentication.logout", "authentication.failure"], sink.Records.Select(r => r.Event));
        }
    }

    [Fact]
    public void Events_reach_the_sinks_when_configuration_sets_LogLevel_Default_to_None()
    {
        var sink = new CollectingSink();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Logging:LogLevel:Default"] = "None";
        builder.Configuration["Logging:LogLevel:Microsoft"] = "None";
        builder.Services.AddSingleton<ISecurityEventSink>(sink);
        builder.Logging.AddSecureLogging(_ => { });
        using (var host = builder.Build())
        {
            host.Services.GetRequiredService<ILogger<PipelineSpecTests>>().LogAccountCreated("admin", "u2");
        }

        Assert.Equal("account.created", Assert.Single(sink.Records).Event);
    }

    [Fact]
    public async Task Disposing_the_service_provider_flushes_the_store()
    {
        using var dir = new StoreTestDirectory();
        var services = new ServiceCollection();
        services.AddSecureLogging(o =>
        {
            o.StoreDirectory = dir.Path;
            o.ChainKey = StoreTestDirectory.Key;
            o.Alerts.Enabled = false;
        });
        var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILogger<PipelineSpecTests>>();
        for (var i = 0; i < 300; i++)
        {
            logger.LogLoginSucceeded("u" + i);
        }

        await provider.DisposeAsync();

        var result = dir.Verify();
        Assert.True(result.Ok, result.Summary);
        Assert.Equal(300, result.Records);
    }

    [Fact]
    public void LoggerFactory_Create_with_AddSecureLogging_writes_the_store_and_disposing_the_factory_flushes_it()
    {
        using var dir = new StoreTestDirectory();
        using (var factory = LoggerFactory.Create(b => b.AddSecureLogging(o =>
        {
            o.StoreDirectory = dir.Path;
            o.ChainKey = StoreTestDirectory.Key;
        })))
        {
            var logger = factory.CreateLogger("Console.App");
            logger.LogPasswordChanged("u1");
            logger.LogApiKeyRevoked("u1", "key_9");
        }

        var result = dir.Verify(requireClosed: true);
        Assert.True(result.Ok, result.Summary);
        Assert.Equal(2, result.Records);
    }

    [Fact]
    public void Synchronous_dispose_of_the_service_provider_flushes_the_store_too()
    {
        using var dir = new StoreTestDirectory();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSecureLogging(o =>
        {
            o.StoreDirectory = dir.Path;
            o.ChainKey = StoreTestDirectory.Key;
        }));
        using (var provider = services.BuildServiceProvider())
        {
            var logger = provider.GetRequiredService<ILogger<PipelineSpecTests>>();
            for (var i = 0; i < 100; i++)
            {
                logger.LogDataExported("u1", "orders", i);
            }
        }

        var result = dir.Verify();
        Assert.True(result.Ok, result.Summary);
        Assert.Equal(100, result.Records);
    }

    [Fact]
    public void Store_files_hold_the_spec_record_and_nothing_else_lives_under_the_store_directory()
    {
        using var dir = new StoreTestDirectory();
        var services = new ServiceCollection();
        services.AddSecureLogging(o =>
        {
            o.StoreDirectory = dir.Path;
            o.ChainKey = StoreTestDirectory.Key;
        });
        using (var provider = services.BuildServiceProvider())
        {
            var logger = provider.GetRequiredService<ILogger<PipelineSpecTests>>();
            using (SecurityContext.Begin("203.0.113.1", "req-1", "UA", null))
            {
                logger.LogLoginFailed("bob", "invalid_credentials");
            }
        }

        var all = Directory.GetFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories);
        Assert.All(all, path => Assert.EndsWith(".jsonl", path, StringComparison.Ordinal));
        var lines = dir.Files.SelectMany(File.ReadAllLines).ToArray();
        var eventLine = Assert.Single(lines, l => l.Contains("\"authentication.failure\"", StringComparison.Ordinal));
        using var json = System.Text.Json.JsonDocument.Parse(eventLine);
        var root = json.RootElement;
        Assert.True(root.TryGetProperty("seq", out var seq) && seq.ValueKind == System.Text.Json.JsonValueKind.Number);
        Assert.True(root.TryGetProperty("chain", out _));
        foreach (var field in new[] { "timestamp", "level", "event", "owasp", "outcome", "user_id", "user_name", "ip_address", "request_id", "user_agent", "reason" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        Assert.Equal("bob", root.GetProperty("user_name").GetString());
        Assert.Equal("203.0.113.1", root.GetProperty("ip_address").GetString());
        Assert.All(lines, l => System.Text.Json.JsonDocument.Parse(l).Dispose());
    }

    [Fact]
    public void Ten_failures_for_one_account_raise_a_critical_brute_force_alert_through_the_pipeline()
    {
        var sink = new CollectingSink();
        var services = new ServiceCollection();
        services.AddSingleton<ISecurityEventSink>(sink);
        services.AddSecureLogging();
        using (var provider = services.BuildServiceProvider())
        {
            var logger = provider.GetRequiredService<ILogger<PipelineSpecTests>>();
            for (var i = 0; i < 9; i++)
            {
                logger.LogLoginFailed("victim", "invalid_credentials");
            }

            Assert.DoesNotContain(sink.Records, r => r.Event == "alert.brute_force");
            logger.LogLoginFailed("victim", "invalid_credentials");
        }

        var alert = Assert.Single(sink.Records, r => r.Event == "alert.brute_force");
        Assert.Equal(LogLevel.Critical, alert.Level);
        Assert.Equal("victim", alert.UserName ?? alert.UserId);
    }

    [Fact]
    public void Failures_keyed_by_user_id_when_there_is_no_user_name()
    {
        var sink = new CollectingSink();
        var services = new ServiceCollection();
        services.AddSingleton<ISecurityEventSink>(sink);
        services.AddSecureLogging();
        using (var provider = services.BuildServiceProvider())
        {
            var logger = provider.GetRequiredService<ILogger<PipelineSpecTests>>();
            for (var i = 0; i < 10; i++)
            {
                logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AuthenticationFailure) { UserId = "user-42", Reason = "invalid_credentials" });
            }
        }

        Assert.Single(sink.Records, r => r.Event == "alert.brute_force");
    }

    [Fact]
    public void Admin_role_grant_and_self_grant_raise_privilege_escalation_at_once()
    {
        var sink = new CollectingSink();
        var services = new ServiceCollection();
        services.AddSingleton<ISecurityEventSink>(sink);
        services.AddSecureLogging();
        using (var provider = services.BuildServiceProvider())
        {
            var logger = provider.GetRequiredService<ILogger<PipelineSpecTests>>();
            logger.LogRoleGranted("admin-1", "user-7", "Administrator");
            logger.LogRoleGranted("user-8", "user-8", "Editor");
            logger.LogRoleGranted("admin-1", "user-9", "Viewer");
        }

        var alerts = sink.Records.Where(r => r.Event == "alert.privilege_escalation").ToArray();
        Assert.Equal(2, alerts.Length);
        Assert.All(alerts, a => Assert.Equal(LogLevel.Critical, a.Level));
    }
}
