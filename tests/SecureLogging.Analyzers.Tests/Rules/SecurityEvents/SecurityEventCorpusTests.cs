using Xunit.Abstractions;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

/// <summary>
/// Scores SL2001–SL2005 on the handler corpus in <c>Corpus/SecurityEvents</c> (Identity UI pages, MVC and API
/// controllers, minimal APIs, services, wrappers, admin management, authorization, handlers, sensitive operations):
/// a line ending in <c>// expect: SLxxxx</c> must get that diagnostic, every other line none. Prints recall and
/// precision per rule and requires at least 95% of each.
/// </summary>
public class SecurityEventCorpusTests
{
    private const double Required = 0.95;

    private readonly ITestOutputHelper _output;

    public SecurityEventCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task CorpusRecallAndPrecisionPerRule()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Corpus", "SecurityEvents");
        var (expected, failures) = await SecurityEventCorpusScoring.ScoreAsync(folder, Required, _output);
        Assert.True(expected >= 50, "the corpus lost its expectations");
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }
}
