using Xunit.Abstractions;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

/// <summary>
/// Scores SL2001–SL2005 on the second handler corpus, <c>Corpus/SecurityEventShapes</c>: shapes the first corpus never
/// wrote (the .NET 8 Blazor Identity endpoints and pages, a pasted <c>MapIdentityApi</c>, Identity UI manage pages,
/// API-key and Basic handlers, JwtBearer/OIDC hooks in all three forms, resource-based authorization in pages,
/// controllers, services, filters and minimal APIs, RoleManager administration, wrapper services, exports and API-key
/// endpoints as actions, page handlers and method groups, events through [LoggerMessage], EventId fields, interfaces
/// and configured emitters). Requires 95% recall and precision per rule.
/// </summary>
public class SecurityEventShapesCorpusTests
{
    private readonly ITestOutputHelper _output;

    public SecurityEventShapesCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task ShapesCorpusRecallAndPrecisionPerRule()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Corpus", "SecurityEventShapes");
        var (expected, failures) = await SecurityEventCorpusScoring.ScoreAsync(folder, 0.95, _output);
        Assert.True(expected >= 60, "the corpus lost its expectations");
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }
}
