using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;

namespace SecureLogging.Tests.Events;

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection
{
}

/// <summary>Every vocabulary event, logged through real providers, renders every SPEC §8 field as a property.</summary>
[Collection(nameof(ConsoleCollection))]
public class ProviderRenderingTests
{
    private static readonly string[] FixedFields =
        ["timestamp", "level", "event", "owasp", "outcome", "user_id", "user_name", "ip_address", "request_id", "user_agent", "reason"];

    public static TheoryData<string> EventNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var definition in SecurityEventNames.All)
            {
                data.Add(definition.Name);
            }

            return data;
        }
    }

    [Fact]
    public void Every_vocabulary_event_renders_all_fields_through_the_json_console_formatter()
    {
        var lines = CaptureJsonConsole(LogEveryEvent);

        Assert.Equal(SecurityEventNames.All.Count, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var definition = SecurityEventNames.All[i];
            var root = JsonDocument.Parse(lines[i]).RootElement;
            Assert.Equal(definition.EventId, root.GetProperty("EventId").GetInt32());
            Assert.Equal(definition.Level.ToString(), root.GetProperty("LogLevel").GetString());
            var state = root.GetProperty("State");
            AssertSpecFields(state, definition);
            Assert.StartsWith(definition.Name + " ", state.GetProperty("Message").GetString(), StringComparison.Ordinal);
            Assert.StartsWith(definition.Name + " ", root.GetProperty("Message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_vocabulary_event_renders_all_fields_through_serilog_compact_json()
    {
        var lines = CaptureSerilog(LogEveryEvent);

        Assert.Equal(SecurityEventNames.All.Count, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var definition = SecurityEventNames.All[i];
            var root = JsonDocument.Parse(lines[i]).RootElement;
            AssertSpecFields(root, definition);
            Assert.Equal(definition.EventId, root.GetProperty("EventId").GetProperty("Id").GetInt32());
            Assert.Equal(definition.Name, root.GetProperty("EventId").GetProperty("Name").GetString());
            Assert.StartsWith("{event} {outcome}", root.GetProperty("@mt").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Typed_methods_render_their_event_fields_through_both_providers()
    {
        static void Log(ILogger logger)
        {
            using (SecurityContext.Begin("198.51.100.4", "req-7", "Mozilla/5.0", "ctx-user"))
            {
                logger.LogAccessDenied("u1", "/orders/42", "delete", "not_owner");
                logger.LogDataExported("u1", "customers", 1200);
            }
        }

        foreach (var (lines, inState) in new[] { (CaptureJsonConsole(Log), true), (CaptureSerilog(Log), false) })
        {
            var denied = JsonDocument.Parse(lines[0]).RootElement;
            var exported = JsonDocument.Parse(lines[1]).RootElement;
            if (inState)
            {
                denied = denied.GetProperty("State");
                exported = exported.GetProperty("State");
            }

            Assert.Equal("/orders/42", denied.GetProperty("resource").GetString());
            Assert.Equal("delete", denied.GetProperty("action").GetString());
            Assert.Equal("not_owner", denied.GetProperty("reason").GetString());
            Assert.Equal("198.51.100.4", denied.GetProperty("ip_address").GetString());
            Assert.Equal("req-7", denied.GetProperty("request_id").GetString());
            Assert.Equal("Mozilla/5.0", denied.GetProperty("user_agent").GetString());
            Assert.Equal("u1", denied.GetProperty("user_id").GetString());
            Assert.Equal(1200, exported.GetProperty("record_count").GetInt64());
            Assert.Equal("customers", exported.GetProperty("dataset").GetString());
        }
    }

    [Fact]
    public void A_crlf_in_a_user_name_cannot_start_a_new_line_in_either_provider()
    {
        static void Log(ILogger logger) => logger.LogLoginFailed("bob\r\n{\"event\":\"authentication.success\"}\n", "invalid_credentials");

        Assert.Single(CaptureJsonConsole(Log));
        Assert.Single(CaptureSerilog(Log));

        // A text formatter prints the message as it is: the neutralised values keep it on one line, without a CR.
        var text = CaptureConsole(Log, b => b.AddSimpleConsole(o => o.SingleLine = true), split: false);
        Assert.DoesNotContain('\r', text[0]);
        var line = Assert.Single(text[0].Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("user_name=bob\\r\\n{", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Security_events_are_logged_even_where_the_application_logs_warnings_only_the_provider_filter_decides()
    {
        // The SecurityLog methods do not consult IsEnabled: a provider that accepts everything (the SecureLogging
        // pipeline) sees an information event although the app's console is set to Warning.
        var capturing = new CapturingProvider();
        using (var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(capturing).AddFilter<CapturingProvider>(null, LogLevel.Trace)))
        {
            factory.CreateLogger("App").LogLoginSucceeded("u1");
        }

        Assert.Single(capturing.Logger.Entries);
    }

    private static void LogEveryEvent(ILogger logger)
    {
        foreach (var definition in SecurityEventNames.All)
        {
            logger.LogSecurityEvent(new SecurityEvent(definition.Name) { UserId = "u1", Reason = "test" });
        }
    }

    private static void AssertSpecFields(JsonElement element, SecurityEventDefinition definition)
    {
        foreach (var field in FixedFields)
        {
            Assert.True(element.TryGetProperty(field, out _), $"{definition.Name}: missing '{field}' in {element}");
        }

        Assert.Equal(definition.Name, element.GetProperty("event").GetString());
        Assert.Equal(definition.Owasp, element.GetProperty("owasp").ValueKind == JsonValueKind.Null ? null : element.GetProperty("owasp").GetString());
        Assert.Equal(definition.Outcome, element.GetProperty("outcome").GetString());
        Assert.Equal("u1", element.GetProperty("user_id").GetString());
        Assert.Equal("test", element.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, element.GetProperty("user_name").ValueKind);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", element.GetProperty("timestamp").GetString());
    }

    private static List<string> CaptureJsonConsole(Action<ILogger> log)
        => CaptureConsole(log, b => b.AddJsonConsole(o => o.JsonWriterOptions = new JsonWriterOptions { Indented = false }), split: true);

    private static List<string> CaptureConsole(Action<ILogger> log, Action<ILoggingBuilder> configure, bool split)
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var services = new ServiceCollection().AddLogging(b => configure(b.SetMinimumLevel(LogLevel.Trace)));
            using (var provider = services.BuildServiceProvider())
            {
                log(provider.GetRequiredService<ILoggerFactory>().CreateLogger("Tests"));
            }

            // Disposing the provider drains the console queue.
        }
        finally
        {
            Console.SetOut(original);
        }

        if (!split)
        {
            return [output.ToString()];
        }

        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    private static List<string> CaptureSerilog(Action<ILogger> log)
    {
        var output = new StringWriter();
        var serilog = new Serilog.LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new TextSink(output)).CreateLogger();
        using (var factory = new SerilogLoggerFactory(serilog, dispose: true))
        {
            log(factory.CreateLogger("Tests"));
        }

        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    private sealed class TextSink(TextWriter writer) : ILogEventSink
    {
        private readonly CompactJsonFormatter _formatter = new();

        public void Emit(LogEvent logEvent) => _formatter.Format(logEvent, writer);
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public CapturingLogger Logger { get; } = new();

        public ILogger CreateLogger(string categoryName) => Logger;

        public void Dispose()
        {
        }
    }
}
