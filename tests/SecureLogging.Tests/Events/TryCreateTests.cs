using Microsoft.Extensions.Logging;

namespace SecureLogging.Tests.Events;

public class TryCreateTests
{
    [Fact]
    public void An_ordinary_call_with_a_vocabulary_event_id_is_a_security_event()
    {
        var logger = new CapturingLogger();
        logger.LogWarning(new EventId(77, "authentication.failure"), "Login failed for {UserName} from {IpAddress}: {Reason} ({Attempts})", "bob", "10.0.0.1", "bad_password", 3);

        var entry = logger.Single();
        Assert.True(SecurityEventRecord.TryCreate(entry.Level, entry.EventId, entry.State, out var record));

        Assert.Equal("authentication.failure", record!.Event);
        Assert.Equal(1002, record.EventId);
        Assert.Equal("failure", record.Outcome);
        Assert.Equal("bob", record.UserName);
        Assert.Equal("10.0.0.1", record.IpAddress);
        Assert.Equal("bad_password", record.Reason);
        Assert.Contains(new KeyValuePair<string, object?>("attempts", 3L), record.Fields);
        Assert.Contains(new KeyValuePair<string, object?>("message", "Login failed for bob from 10.0.0.1: bad_password (3)"), record.Fields);
    }

    [Fact]
    public void Owasp_event_names_count_too()
    {
        Assert.True(SecurityEventRecord.TryCreate(LogLevel.Information, new EventId(1, "authn_login_success"), null, out var record));
        Assert.Equal("authentication.success", record!.Event);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("UserLoggedIn")]
    [InlineData("authentication")]
    public void Other_calls_are_not(string? name)
    {
        Assert.False(SecurityEventRecord.TryCreate(LogLevel.Warning, new EventId(1002, name), "User logged in.", out var record));
        Assert.Null(record);
    }

    [Fact]
    public void A_state_that_throws_still_gives_the_event()
    {
        Assert.True(SecurityEventRecord.TryCreate(LogLevel.Warning, new EventId(1, "authorization.denied"), new ThrowingState(), out var record));
        Assert.Equal("authorization.denied", record!.Event);
        Assert.Contains("state unreadable", record.Reason);
    }

    [Fact]
    public void Secret_named_properties_of_an_ordinary_call_are_redacted()
    {
        var logger = new CapturingLogger();
        logger.LogWarning(new EventId(1, "authentication.failure"), "{UserName} {Password}", "bob", "hunter2");

        var record = logger.Single().Record;
        Assert.Contains(new KeyValuePair<string, object?>("password", "[REDACTED]"), record.Fields);
        Assert.DoesNotContain("hunter2", record.ToJson(), StringComparison.Ordinal);
    }

    private sealed class ThrowingState : IEnumerable<KeyValuePair<string, object?>>
    {
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => throw new InvalidOperationException("boom");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
