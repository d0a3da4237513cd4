using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace SecureLogging.Tests.Forwarding;

/// <summary>The OpenTelemetry and Serilog recipes of docs/forwarding.md, run as written there.</summary>
public sealed class ForwardingRecipeTests
{
    [Fact]
    public void OpenTelemetry_log_records_carry_the_event_name_and_every_field_as_attributes()
    {
        var exported = new List<Exported>();
        using (var factory = LoggerFactory.Create(builder => builder.AddOpenTelemetry(otel =>
        {
            otel.IncludeFormattedMessage = true;
            otel.ParseStateValues = true;
            otel.AddProcessor(new CollectingProcessor(exported));
        })))
        {
            var logger = factory.CreateLogger("Auth");
            logger.LogLoginFailed("alice", "invalid_credentials");
            logger.LogInformation("an ordinary log line");
        }

        var record = Assert.Single(exported, r => r.EventId.Name is not null && SecurityEventNames.Find(r.EventId.Name) is not null);
        Assert.Equal(SecurityEventNames.AuthenticationFailure, record.EventId.Name);
        Assert.Equal(LogLevel.Warning, record.LogLevel);
        var attributes = record.Attributes;
        Assert.Equal("authentication.failure", attributes["event"]);
        Assert.Equal("authn_login_fail", attributes["owasp"]);
        Assert.Equal("failure", attributes["outcome"]);
        Assert.Equal("alice", attributes["user_name"]);
        Assert.Equal("invalid_credentials", attributes["reason"]);
    }

    [Fact]
    public void Serilog_filter_on_the_event_id_name_keeps_security_events_only_with_their_fields()
    {
        var sink = new CollectingSink();
        var serilog = new Serilog.LoggerConfiguration()
            .MinimumLevel.Verbose()
            .Filter.ByIncludingOnly(IsSecurityEvent)
            .WriteTo.Sink(sink)
            .CreateLogger();
        using (var factory = LoggerFactory.Create(builder => builder.AddSerilog(serilog, dispose: true)))
        {
            var logger = factory.CreateLogger("Admin");
            logger.LogRoleGranted("root", "bob", "admin");
            logger.LogInformation("an ordinary log line");
            logger.LogWarning(new EventId(42, "SomethingElse"), "not a security event");
        }

        var e = Assert.Single(sink.Events);
        Assert.Equal("account.role_granted", ((ScalarValue)e.Properties["event"]).Value);
        Assert.Equal("bob", ((ScalarValue)e.Properties["target_user_id"]).Value);
        Assert.Equal("admin", ((ScalarValue)e.Properties["role"]).Value);
    }

    /// <summary>The docs' filter: Serilog.Extensions.Logging puts the EventId into an <c>EventId</c> structure with <c>Id</c> and <c>Name</c>.</summary>
    private static bool IsSecurityEvent(LogEvent e) =>
        e.Properties.TryGetValue("EventId", out var id)
        && id is StructureValue s
        && s.Properties.FirstOrDefault(p => p.Name == "Name")?.Value is ScalarValue { Value: string name }
        && SecurityEventNames.Find(name) is not null;

    private sealed record Exported(EventId EventId, LogLevel LogLevel, Dictionary<string, object?> Attributes);

    private sealed class CollectingProcessor(List<Exported> records) : BaseProcessor<LogRecord>
    {
        // OpenTelemetry pools LogRecord instances: copy what the test looks at.
        public override void OnEnd(LogRecord data) =>
            records.Add(new Exported(data.EventId, data.LogLevel, data.Attributes?.ToDictionary(a => a.Key, a => a.Value) ?? []));
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
