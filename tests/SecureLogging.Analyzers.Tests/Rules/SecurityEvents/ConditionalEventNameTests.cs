using static SecureLogging.Analyzers.Tests.Rules.SecurityEvents.SecurityEventTestSources;
using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.AuthenticationWithoutEventAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

public class ConditionalEventNameTests
{
    [Fact]
    public async Task EventIdNameChosenBetweenTwoVocabularyNamesIsAnEvent()
    {
        var source = Usings + """
            public class C
            {
                public async Task<bool> M(SignInManager<IdentityUser> s, ILogger logger)
                {
                    var result = await s.PasswordSignInAsync("a", "b", false, true);
                    logger.LogInformation(new EventId(1000, result.Succeeded ? "authentication.success" : "authentication.failure"), "Login {User}", "a");
                    return true;
                }
                public async Task<bool> M2(SignInManager<IdentityUser> s, ILogger logger, bool x)
                {
                    var result = await s.PasswordSignInAsync("a", "b", false, true);
                    logger.LogInformation(new EventId(1000, x ? "authentication.success" : "authentication.failure"), "Login {User}", "a");
                    return true;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }
}
