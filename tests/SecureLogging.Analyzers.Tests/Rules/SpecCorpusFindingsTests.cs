using Microsoft.CodeAnalysis.Testing;
using Secrets = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogSecretsAnalyzer>;
using Personal = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogPersonalDataAnalyzer>;
using Cards = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogCardDataAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules;

/// <summary>Regression tests for what the SPEC-literal corpus (<c>SpecCorpus/</c>) found missing or wrong.</summary>
public class SpecCorpusFindingsTests
{
    [Fact]
    public async Task DictionaryBuiltInALocal_IsJudgedEntryByEntry()
    {
        await Secrets.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, string userId, string password, string apiKey, string refreshToken)
                {
                    var state = new Dictionary<string, object>
                    {
                        ["UserId"] = userId,
                        ["Password"] = {|SL1001:password|},
                    };
                    state["ApiKey"] = {|SL1001:apiKey|};
                    state.Add("RefreshToken", {|SL1001:refreshToken|});
                    state.Add("Attempt", 1);
                    using (logger.BeginScope(state))
                    {
                        logger.LogInformation("Signing in");
                    }

                    var safe = new Dictionary<string, object> { ["UserId"] = userId };
                    using var scope = logger.BeginScope(safe);
                }
            }
            """);
    }

    [Fact]
    public async Task RangeOfASensitiveString_IsSensitive()
    {
        const string Source = """
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, string apiKey, string cardNumber, string userName)
                {
                    logger.LogInformation("Key {Prefix}", {|SL1001:apiKey[..8]|});
                    logger.LogInformation("Last four {Last4}", {|#0:cardNumber[^4..]|});
                    logger.LogInformation("User {Initials}", userName[..2]);
                    logger.LogInformation("Key length {Length}", apiKey[..8].Length);
                }
            }
            """;
        await Secrets.VerifyAnalyzerAsync(Source.Replace("{|#0:cardNumber[^4..]|}", "cardNumber[^4..]", StringComparison.Ordinal));
        await Cards.VerifyAnalyzerAsync(
            Source.Replace("{|SL1001:apiKey[..8]|}", "apiKey[..8]", StringComparison.Ordinal),
            Cards.Diagnostic("SL1002").WithLocation(0).WithArguments("cardNumber[^4..]", "is taken from 'cardNumber', which is a card number"));
    }

    [Fact]
    public async Task ValueReadFromASecretConfigurationSection_IsASecret()
    {
        await Secrets.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, IConfiguration config)
                {
                    logger.LogInformation("{A}", {|SL1001:config.GetSection("ConnectionStrings")["Default"]|});
                    logger.LogInformation("{A}", {|SL1001:config.GetSection("Jwt")["Key"]|});
                    logger.LogInformation("{A}", {|SL1001:config.GetSection("Jwt").GetValue<string>("Key")|});
                    var jwt = config.GetRequiredSection("Jwt");
                    logger.LogInformation("{A}", {|SL1001:jwt["Key"]|});
                    logger.LogInformation("{A}", jwt["Issuer"]);
                    logger.LogInformation("{A}", config.GetSection("Smtp")["Host"]);
                    logger.LogInformation("{A}", config.GetSection("Logging").GetSection("LogLevel")["Default"]);
                }
            }
            """);
    }

    [Fact]
    public async Task ClassifiedMembersOfLogPropertiesObjects_AreLeftToRedaction()
    {
        var test = new Personal.Test
        {
            TestCode = """
                using Microsoft.Extensions.Compliance.Classification;
                using Microsoft.Extensions.Logging;

                public sealed class PiiAttribute : DataClassificationAttribute
                {
                    public PiiAttribute() : base(new DataClassification("Contoso", "PII")) { }
                }

                public sealed class Member
                {
                    public string MemberId { get; set; } = "";
                    [Pii] public string Nickname { get; set; } = "";
                    [LogPropertyIgnore] public string Email { get; set; } = "";
                }

                public sealed class Contact
                {
                    public string Email { get; set; } = "";
                }

                public static partial class Log
                {
                    [LoggerMessage(1, LogLevel.Information, "Member updated")]
                    public static partial void Updated(ILogger logger, [LogProperties] Member member);

                    [LoggerMessage(2, LogLevel.Information, "Contact updated")]
                    public static partial void ContactUpdated(ILogger logger, {|#0:[LogProperties] Contact contact|});

                    public static partial void Updated(ILogger logger, Member member) { }
                    public static partial void ContactUpdated(ILogger logger, Contact contact) { }
                }
                """,
            ExpectedDiagnostics = { Personal.Diagnostic("SL1003").WithLocation(0).WithArguments("contact", "is written whole and its member 'Contact.Email' is an email") },
        };
        await test.RunAsync();
    }
}
