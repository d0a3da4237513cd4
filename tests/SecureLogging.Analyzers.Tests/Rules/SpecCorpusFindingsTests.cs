using Microsoft.CodeAnalysis.Testing;
using Secrets = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogSecretsAnalyzer>;
using Personal = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogPersonalDataAnalyzer>;
using Cards = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogCardDataAnalyzer>;
using Objects = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogSensitiveObjectsAnalyzer>;
using Forging = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotBuildLogMessagesFromRequestDataAnalyzer>;

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

    [Fact]
    public async Task ConsoleAsyncWriters_AreLoggingCalls()
    {
        await Secrets.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;

            public class C
            {
                public async Task M(string token, string userId)
                {
                    await Console.Out.WriteLineAsync($"Token {{|SL1001:token|}}");
                    await Console.Error.WriteAsync("Token " + {|SL1001:token|});
                    await Console.Out.WriteLineAsync($"User {userId}");
                }
            }
            """);
    }

    [Fact]
    public async Task JsonSerialisedIntoALocal_KeepsWhatItSerialises()
    {
        await Secrets.VerifyAnalyzerAsync("""
            using System.Text.Json;
            using Microsoft.Extensions.Logging;

            public class Login { public string UserName { get; set; } = ""; public string Password { get; set; } = ""; }
            public class Page { public int Number { get; set; } public string Title { get; set; } = ""; }

            public class C
            {
                public void M(ILogger logger, string userName, string password, Login login, Page page)
                {
                    var json = JsonSerializer.Serialize(new { userName, password });
                    logger.LogInformation("Payload {Json}", {|SL1001:json|});
                    var body = Newtonsoft.Json.JsonConvert.SerializeObject(login);
                    logger.LogInformation("Body {Body}", {|SL1001:body|});
                    var safe = JsonSerializer.Serialize(new { userName, page.Number });
                    logger.LogInformation("Payload {Json}", safe);
                    var paged = JsonSerializer.Serialize(page);
                    logger.LogInformation("Page {Json}", paged);
                }
            }
            """);
    }

    [Fact]
    public async Task IdentityUserDestructured_IsAnObjectWithSecretMembers()
    {
        await Objects.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, IdentityUser user, IdentityRole role, SignInResult result)
                {
                    logger.LogInformation("User {@User}", {|SL1004:user|});
                    logger.LogInformation("User {User}", user);
                    logger.LogInformation("Role {@Role} result {@Result}", role, result);
                }
            }
            """);
    }

    [Fact]
    public async Task RequestTextThroughHelpers_AndNumbersThatCannotForge()
    {
        await Forging.VerifyAnalyzerAsync("""
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.Extensions;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            public class Filter { public string Term { get; set; } = ""; public int Page { get; set; } }

            [ApiController]
            public class SearchController : ControllerBase
            {
                private readonly ILogger<SearchController> _logger;
                public SearchController(ILogger<SearchController> logger) => _logger = logger;

                [HttpPost("search")]
                public async Task<IActionResult> Search(string q, int page)
                {
                    _logger.LogInformation("Url " + {|SL3001:Request.GetDisplayUrl()|});
                    _logger.LogInformation("Url " + Request.GetEncodedUrl());
                    var filter = await Request.ReadFromJsonAsync<Filter>();
                    _logger.LogInformation("Filter " + {|SL3001:filter?.Term|} + " page " + filter?.Page);
                    _logger.LogInformation("Page " + page.ToString() + " length " + q.Length.ToString());
                    _logger.LogInformation("Term " + {|SL3001:q.Trim().ToString()|});
                    return Ok();
                }
            }
            """);
    }

    [Fact]
    public async Task WrapperBehindAnInterfaceOrAbstractMethod_IsALoggingCallAtItsCallSites()
    {
        await Secrets.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            public interface IAppLogger<T>
            {
                void LogInformation(string message, params object[] args);
                void Unrelated(string password);
            }

            public sealed class LoggerAdapter<T> : IAppLogger<T>
            {
                private readonly ILogger<T> _logger;
                public LoggerAdapter(ILoggerFactory factory) => _logger = factory.CreateLogger<T>();
                public void LogInformation(string message, params object[] args) => _logger.LogInformation(message, args);
                public void Unrelated(string password) { }
            }

            public abstract class AuditBase
            {
                public abstract void Record(string what, string detail);
            }

            public sealed class LoggingAudit : AuditBase
            {
                private readonly ILogger _logger;
                public LoggingAudit(ILogger logger) => _logger = logger;
                public override void Record(string what, string detail) => _logger.LogInformation("{What}: {Detail}", what, detail);
            }

            public class C
            {
                public void M(IAppLogger<C> log, AuditBase audit, string password, string userId)
                {
                    log.LogInformation("Login {User} with {Password}", userId, {|SL1001:password|});
                    log.LogInformation("Login {User}", userId);
                    log.Unrelated(password);
                    audit.Record("login", {|SL1001:password|});
                    audit.Record("login", userId);
                }
            }
            """);
    }
}
