using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogSecretsAnalyzer>;
using VerifyPersonal = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogPersonalDataAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules;

/// <summary>Cases the realistic corpus surfaced: each pins a general rule, not the corpus line it came from.</summary>
public class SL1001CorpusFindingsTests
{
    [Fact]
    public async Task TrailingBase64IsDroppedAsAWholeWord()
    {
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, string signingKeyBase64, string apiKeyBase64, string secret64, string keyBase64)
                {
                    logger.LogInformation("{A}", {|SL1001:signingKeyBase64|});
                    logger.LogInformation("{A}", {|SL1001:apiKeyBase64|});
                    logger.LogInformation("{A}", {|SL1001:secret64|});
                    logger.LogInformation("{A}", keyBase64);
                }
            }
            """);
    }

    [Fact]
    public async Task BareKeyOfAConfigurationSectionIsASecret()
    {
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, IConfiguration config)
                {
                    logger.LogInformation("{A}", {|SL1001:config["Jwt:Key"]|});
                    logger.LogInformation("{A}", {|SL1001:config.GetValue<string>("Encryption:Key")|});
                    logger.LogInformation("{A}", config["Key"]);
                    logger.LogInformation("{A}", config["Cache:KeyPrefix"]);
                    logger.LogInformation("{A}", config["Jwt:KeyId"]);
                }
            }
            """);
    }

    [Fact]
    public async Task TryGetValueWithAKeyNamingASecretFillsASecretLocal()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, HttpRequest request, IDictionary<string, string> headers)
                {
                    if (request.Headers.TryGetValue("X-Api-Key", out var provided))
                    {
                        logger.LogWarning("Rejected " + {|SL1001:provided|});
                    }

                    string? auth;
                    if (headers.TryGetValue("Authorization", out auth))
                    {
                        logger.LogWarning("{Value}", {|SL1001:auth|});
                    }

                    if (request.Cookies.TryGetValue("theme", out var theme))
                    {
                        logger.LogWarning("{Value}", {|SL1001:theme|});
                    }

                    if (headers.TryGetValue("X-Correlation-Id", out var correlation))
                    {
                        logger.LogWarning("{Value}", correlation);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ACountOfSecretsIsNotASecret()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public interface IStore
            {
                Task<int> CountRecoveryCodesAsync(string userId);
                int CountPins();
                string GetRecoveryCode(string userId);
                string CounterToken();
            }

            public class C
            {
                public async Task M(ILogger logger, IStore store)
                {
                    var left = await store.CountRecoveryCodesAsync("u");
                    logger.LogInformation("{Left}", left);
                    logger.LogInformation("{Value}", store.CountPins());
                    logger.LogInformation("{Value}", {|SL1001:store.GetRecoveryCode("u")|});
                    logger.LogInformation("{Value}", {|SL1001:store.CounterToken()|});
                }
            }
            """);
    }

    [Fact]
    public async Task LoggerMessageParameterReportedAtTheDeclarationIsNotReportedAgainAtTheCallSite()
    {
        await VerifyPersonal.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            public sealed record Contact(string Email, string City);

            public sealed partial class Telemetry
            {
                private readonly ILogger _logger;

                public Telemetry(ILogger logger) => _logger = logger;

                [LoggerMessage(Level = LogLevel.Information, Message = "Checkout for {Customer}")]
                public partial void CheckoutFor({|SL1003:Contact customer|});

                [LoggerMessage(Level = LogLevel.Information, Message = "Checkout in {City}")]
                public partial void CheckoutIn(string city);

                public void Run(Contact contact)
                {
                    CheckoutFor(contact);
                    CheckoutIn({|SL1003:contact.Email|});
                }

                public partial void CheckoutFor(Contact customer) { }

                public partial void CheckoutIn(string city) { }
            }
            """);
    }
}
