using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureLogging.Tests.Pipeline;

namespace SecureLogging.Tests.SpecLiteral;

/// <summary>
/// SPEC §6/§8: a Microsoft.Extensions.Logging call whose EventId name is a vocabulary name (dotted or OWASP), or a
/// <c>[LoggerMessage]</c> method with such an EventName, is a security event and gets the same record and safety.
/// </summary>
public sealed partial class ForeignEventSpecTests
{
    [LoggerMessage(EventId = 7001, EventName = "authentication.failure", Level = LogLevel.Warning, Message = "Login failed for {UserName} with password {Password}")]
    private static partial void LoginFailed(ILogger logger, string userName, string password);

    [LoggerMessage(EventId = 7002, EventName = "authz_fail", Level = LogLevel.Warning, Message = "User {UserId} denied {Resource}")]
    private static partial void Denied(ILogger logger, string userId, string resource);

    [Fact]
    public void LoggerMessage_methods_with_vocabulary_event_names_reach_the_sinks_with_secrets_redacted()
    {
        var sink = new CollectingSink();
        var services = new ServiceCollection();
        services.AddSingleton<ISecurityEventSink>(sink);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Error).AddSecureLogging(o => o.Alerts.Enabled = false));
        using (var provider = services.BuildServiceProvider())
        {
            var logger = provider.GetRequiredService<ILogger<ForeignEventSpecTests>>();
            LoginFailed(logger, "mallory", "Tr0ub4dor&3");
            Denied(logger, "u-5", "/admin");
            logger.LogWarning(new EventId(0, "authn_login_fail:joebob1"), "failed for {User}", "joebob1");
            logger.LogInformation(new EventId(1, "login.failed"), "not vocabulary");
        }

        var records = sink.Records.ToArray();
        Assert.Equal(["authentication.failure", "authorization.denied", "authentication.failure"], records.Select(r => r.Event));
        var json = records[0].ToJson();
        Assert.DoesNotContain("Tr0ub4dor", json, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("mallory", doc.RootElement.GetProperty("user_name").GetString());
        Assert.Equal("authn_login_fail", doc.RootElement.GetProperty("owasp").GetString());
        Assert.Equal("failure", doc.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("u-5", records[1].UserId);
        Assert.Equal("joebob1", records[2].UserName);
    }
}
