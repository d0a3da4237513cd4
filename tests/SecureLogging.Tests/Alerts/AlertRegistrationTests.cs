using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace SecureLogging.Tests.Alerts;

public class AlertRegistrationTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AddSecureLogging_turns_detection_on_and_alerts_go_back_through_the_fan_out()
    {
        var alerts = new CollectingAlertSink();
        var events = new CollectingEventSink();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<ISecurityAlertSink>(alerts);
        services.AddSingleton<ISecurityEventSink>(events);
        services.AddSecureLogging();
        using (ServiceProvider provider = services.BuildServiceProvider())
        {
            ILogger logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Accounts");
            using (SecurityContext.Begin(ipAddress: "203.0.113.40"))
            {
                for (int i = 0; i < 12; i++)
                {
                    logger.LogLoginFailed("bob", "invalid password");
                    _time.Advance(TimeSpan.FromSeconds(10));
                }
            }

            logger.LogRoleGranted("ops", "user-1", "GlobalAdmin");

            Assert.Equal(new[] { "alert.brute_force", "alert.privilege_escalation" }, alerts.Alerts.Select(a => a.Event));
            Assert.Contains(events.Records, r => r.Event == "alert.brute_force" && r.UserName == "bob" && r.Level == LogLevel.Critical);
            Assert.Contains(events.Records, r => r.Event == "alert.privilege_escalation");
            Assert.Equal(12, events.Records.Count(r => r.Event == "authentication.failure"));
            Assert.Equal(2, provider.GetRequiredService<SecurityAlertDetector>().GetStatistics().Raised);
        }
    }

    [Fact]
    public void Thresholds_bind_from_the_SecureLogging_Alerts_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SecureLogging:Alerts:BruteForce:Failures"] = "3",
            ["SecureLogging:Alerts:BruteForce:Window"] = "00:05:00",
            ["SecureLogging:Alerts:PrivilegeEscalation:AdminRoles:0"] = "Treasurer",
        }).Build();
        var alerts = new CollectingAlertSink();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<ISecurityAlertSink>(alerts);
        services.AddSecureLogging();
        using ServiceProvider provider = services.BuildServiceProvider();
        SecureLoggingOptions options = provider.GetRequiredService<IOptions<SecureLoggingOptions>>().Value;
        Assert.Equal(3, options.Alerts.BruteForce.Failures);
        Assert.Equal(new[] { "Treasurer" }, options.Alerts.PrivilegeEscalation.AdminRoles);

        ILogger logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Accounts");
        for (int i = 0; i < 3; i++)
        {
            logger.LogLoginFailed("carl", "invalid password");
        }

        logger.LogRoleGranted("ops", "user-2", "treasurer");
        Assert.Equal(new[] { "alert.brute_force", "alert.privilege_escalation" }, alerts.Alerts.Select(a => a.Event));
    }

    [Fact]
    public void Invalid_alert_settings_fail_options_validation_naming_the_key()
    {
        var services = new ServiceCollection();
        services.AddSecureLogging(o => o.Alerts.CredentialStuffing.Window = TimeSpan.Zero);
        using ServiceProvider provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SecureLoggingOptions>>().Value);
        Assert.Contains("SecureLogging:Alerts:CredentialStuffing:Window", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_can_be_turned_off()
    {
        var alerts = new CollectingAlertSink();
        var services = new ServiceCollection();
        services.AddSingleton<ISecurityAlertSink>(alerts);
        services.AddSecureLogging(o => o.Alerts.Enabled = false);
        using ServiceProvider provider = services.BuildServiceProvider();
        ILogger logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Accounts");
        logger.LogRoleGranted("ops", "user-2", "Admin");
        Assert.Empty(alerts.Alerts);
    }

    [Fact]
    public async Task A_configured_webhook_receives_alerts_and_is_flushed_when_the_provider_is_disposed()
    {
        using var receiver = new LoopbackReceiver();
        receiver.Delay = TimeSpan.FromMilliseconds(50);
        var services = new ServiceCollection();
        services.AddSecureLogging(o => o.Alerts.Webhook.Url = receiver.Url);
        ServiceProvider provider = services.BuildServiceProvider();
        ILogger logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Accounts");
        logger.LogRoleGranted("ops", "user-3", "Administrator");
        logger.LogRoleGranted("ops", "user-4", "Administrator");
        await provider.DisposeAsync();

        Assert.Equal(2, receiver.Bodies.Count);
        Assert.All(receiver.Bodies, b => Assert.Contains("\"event\":\"alert.privilege_escalation\"", b, StringComparison.Ordinal));
    }

    private sealed class CollectingEventSink : ISecurityEventSink
    {
        public List<SecurityEventRecord> Records { get; } = new();

        public void Write(SecurityEventRecord record)
        {
            lock (Records)
            {
                Records.Add(record);
            }
        }
    }
}
