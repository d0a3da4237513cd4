namespace SecureLogging.Tests.Events;

/// <summary>docs/security-events.md shows what the runtime really does.</summary>
public class SecurityEventsDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "security-events.md"));

    [Fact]
    public void The_vocabulary_table_lists_every_event_with_its_owasp_name_id_and_level()
    {
        foreach (var definition in SecurityEventNames.All)
        {
            var owasp = definition.Owasp is null ? "—" : $"`{definition.Owasp}`";
            var row = $"| `{definition.Name}` | {owasp} | {definition.EventId} | {definition.Level} | {definition.Outcome} |";
            Assert.Contains(row, Doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_example_records_are_what_the_runtime_writes()
    {
        SecurityEventRecord record;
        using (SecurityContext.Begin("203.0.113.7", "0HN8K2V3Q1:00000001", "Mozilla/5.0"))
        {
            record = SecurityEventRecord.Create(
                new SecurityEvent(SecurityEventNames.AuthenticationFailure) { UserName = "alice@example.com", Reason = "invalid_credentials" }.With("method", "password"),
                new DateTimeOffset(2026, 11, 28, 19, 43, 55, 123, TimeSpan.Zero));
        }

        Assert.Contains("\n" + record.ToJson() + "\n", Doc, StringComparison.Ordinal);
        Assert.Contains("\n" + record.ToJson(SecurityEventFormat.Ecs) + "\n", Doc, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SecureLogging.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found from " + AppContext.BaseDirectory);
    }
}
