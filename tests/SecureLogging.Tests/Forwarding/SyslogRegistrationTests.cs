using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SecureLogging.Tests.Forwarding;

public sealed class SyslogRegistrationTests
{
    [Fact]
    public async Task Syslog_section_in_configuration_turns_forwarding_on_and_disposing_the_provider_flushes_it()
    {
        await using var server = new FakeSyslogServer();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SecureLogging:Syslog:Host"] = "127.0.0.1",
            ["SecureLogging:Syslog:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SecureLogging:Syslog:Protocol"] = "Tcp",
            ["SecureLogging:Syslog:Format"] = "Cef",
            ["SecureLogging:Syslog:Facility"] = "Local4",
            ["SecureLogging:Syslog:AppName"] = "configured-app",
            ["SecureLogging:Syslog:Tls:AllowedServerCertificateThumbprints:0"] = new string('a', 64),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSecureLogging();

        using (var provider = services.BuildServiceProvider())
        {
            var options = provider.GetRequiredService<IOptions<SecureLoggingOptions>>().Value;
            Assert.Equal(SyslogFormat.Cef, options.Syslog!.Format);
            Assert.Single(options.Syslog.Tls.AllowedServerCertificateThumbprints);

            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Auth");
            logger.LogLoginFailed("mallory", "invalid_credentials");
            logger.LogInformation("not a security event");
        }

        var message = Assert.Single(await server.WaitForAsync(m => m.Count >= 1, TimeSpan.FromSeconds(10)));
        Assert.StartsWith("<164>1 ", message, StringComparison.Ordinal); // local4 (20) * 8 + warning (4)
        Assert.Contains(" configured-app ", message, StringComparison.Ordinal);
        Assert.Contains("CEF:0|SecureLogging|SecureLogging|", message, StringComparison.Ordinal);
        Assert.Contains("|authentication.failure|", message, StringComparison.Ordinal);
        Assert.Contains("suser=mallory", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Syslog_set_in_code_is_used()
    {
        await using var server = new FakeSyslogServer();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddSecureLogging(o => o.Syslog = SyslogForwarderTests.Options(server.Port)));

        using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<ILogger<SyslogRegistrationTests>>().LogRoleGranted("root", "bob", "editor"); // not admin-class: an admin grant would also forward its alert.privilege_escalation
        }

        var message = Assert.Single(await server.WaitForAsync(m => m.Count >= 1, TimeSpan.FromSeconds(10)));
        Assert.Contains("\"event\":\"account.role_granted\"", message, StringComparison.Ordinal);
        Assert.Contains("\"seq\":1}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_syslog_settings_fail_options_validation_with_what_to_change()
    {
        var services = new ServiceCollection();
        services.AddSecureLogging(o => o.Syslog = new SyslogOptions { Port = -1 });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SecureLoggingOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.Contains("SecureLogging:Syslog:Host is required", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("SecureLogging:Syslog:Port -1", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_syslog_settings_nothing_is_forwarded_and_nothing_breaks()
    {
        var services = new ServiceCollection();
        services.AddSecureLogging();
        using var provider = services.BuildServiceProvider();

        var sink = provider.GetServices<ISecurityEventSink>().OfType<ConfiguredSyslogForwarder>().Single();
        Assert.Null(sink.Forwarder);
        provider.GetRequiredService<ILoggerFactory>().CreateLogger("x").LogLogout("u1");
    }
}
