using Microsoft.CodeAnalysis.Testing;
using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogSecretsAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules;

public class SL1001MicrosoftExtensionsLoggingTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        public class LoginRequest
        {
            public string UserName { get; set; } = "";
            public string Password { get; set; } = "";
            public string? ApiKeyId { get; set; }
        }

        """;

    [Fact]
    public async Task TemplateArgumentInterpolationHoleAndConcatenationOperandAreReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public class AccountService
            {
                private readonly ILogger<AccountService> _logger;
                public AccountService(ILogger<AccountService> logger) => _logger = logger;

                public void Login(LoginRequest request)
                {
                    _logger.LogInformation("Login {User} with {Password}", request.UserName, {|SL1001:request.Password|});
                    _logger.LogWarning($"Login failed for {request.UserName} with {{|SL1001:request.Password|}}");
                    _logger.LogDebug("Password was " + {|SL1001:request.Password|} + " for " + request.UserName);
                    _logger.LogError(new Exception(), "Failed {Pwd}", {|SL1001:request.Password|});
                    _logger.Log(LogLevel.Information, new EventId(1, "x"), "Key {Key}", {|SL1001:request.Password|});
                    _logger.LogCritical({|SL1001:request.Password|});
                }
            }
            """);
    }

    [Fact]
    public async Task MessageSaysWhy()
    {
        var source = Usings + """
            public class C
            {
                public void M(ILogger logger, LoginRequest request)
                {
                    logger.LogInformation("Login {User}", {|#0:request.Password|});
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL1001").WithLocation(0).WithArguments("request.Password", "is a password"));
    }

    [Fact]
    public async Task DiagnosticCarriesKindShapeAndPlaceholder()
    {
        var code = Usings + """
            public class C
            {
                public void M(ILogger logger, string accessToken, string clientSecret)
                {
                    logger.LogInformation("Token {AccessToken}", {|#0:accessToken|});
                    logger.LogInformation($"Secret {{|#1:clientSecret|}}");
                }
            }
            """;
        var test = new Verify.Test { TestCode = code };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("SL1001").WithLocation(0).WithArguments("accessToken", "is a token"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("SL1001").WithLocation(1).WithArguments("clientSecret", "is a secret"));
        await test.RunAsync();

        var diagnostics = await AnalyzerRunner.RunAsync(code.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty), new SecureLogging.Analyzers.Rules.DoNotLogSecretsAnalyzer());
        Assert.Collection(
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start),
            d =>
            {
                Assert.Equal("Token", d.Properties["Kind"]);
                Assert.Equal("Argument", d.Properties["Shape"]);
                Assert.Equal("AccessToken", d.Properties["Placeholder"]);
            },
            d =>
            {
                Assert.Equal("Secret", d.Properties["Kind"]);
                Assert.Equal("InterpolationHole", d.Properties["Shape"]);
                Assert.False(d.Properties.ContainsKey("Placeholder"));
            });
    }

    [Fact]
    public async Task ParamsArrayInNormalFormAndPlaceholderNames()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public class C
            {
                public void M(ILogger logger, string value, string other, string x)
                {
                    logger.LogInformation("Login {User} {Password}", new object[] { other, {|SL1001:value|} });
                    logger.LogInformation("Using {ApiKey}", {|SL1001:x|});
                    logger.LogInformation("Using {ApiKeyId} and {User}", x, value);
                }
            }
            """);
    }

    [Fact]
    public async Task BeginScopeTemplatesDictionariesAndAnonymousObjects()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public class C
            {
                public void M(ILogger logger, string sessionToken, string userId, string value)
                {
                    using var a = logger.BeginScope("Session {Session}", {|SL1001:sessionToken|});
                    using var b = logger.BeginScope(new Dictionary<string, object> { ["UserId"] = userId, ["Token"] = {|SL1001:value|} });
                    using var c = logger.BeginScope(new Dictionary<string, object?> { { "UserId", userId }, { "RefreshToken", {|SL1001:value|} } });
                    using var d = logger.BeginScope(new[] { new KeyValuePair<string, object>("password", {|SL1001:value|}) });
                    logger.LogInformation("Ctx {Ctx}", new { UserId = userId, {|SL1001:Password = value|} });
                    logger.LogInformation("Ctx {Ctx}", new { userId, {|SL1001:sessionToken|} });
                }
            }
            """);
    }

    [Fact]
    public async Task LoggerMessageDefineDelegateIsReportedAtItsInvocationArgument()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public static class Log
            {
                private static readonly Action<ILogger, string, string, Exception?> s_login =
                    LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(1, "Login"), "User {User} logged in with {Secret}");

                public static void Login(ILogger logger, string user, string value) => s_login(logger, user, {|SL1001:value|}, null);
                public static void Login2(ILogger logger, string user, string apiKey) => s_login.Invoke(logger, user, {|SL1001:apiKey|}, null);
            }
            """);
    }

    [Fact]
    public async Task LoggerMessageMethodParameterIsReportedAtTheDeclarationAndArgumentsAtCallSites()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "User {User} signed in with {Password}")]
                static partial void SignedIn(ILogger logger, string user, {|SL1001:string password|});

                [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Value {Value}")]
                static partial void ValueLogged(ILogger logger, string value);

                public static void Use(ILogger logger, LoginRequest request)
                {
                    SignedIn(logger, request.UserName, request.Password);
                    ValueLogged(logger, {|SL1001:request.Password|});
                    ValueLogged(logger, request.UserName);
                }
            }
            """);
    }

    [Fact]
    public async Task ExclusionsOfSpecSection5AreNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public class C
            {
                public void M(ILogger logger, string tokenType, string apiKeyId, string secretName, int passwordLength, string passwordPolicy,
                    string continuationToken, string pageToken, string nextPageToken, CancellationToken cancellationToken, string ipAddress,
                    string address, Guid userId, int tokenCount, TimeSpan tokenLifetime, DateTime tokenExpiry, bool hasPassword,
                    string passwordHashAlgorithm, string authorizationHeaderName, string tokenUrl, string cookieName, string password,
                    string connectionStringName, LoginRequest request, string keyPath, string passwordHint, int tokenSize, Guid tokenId)
                {
                    logger.LogInformation("{A} {B} {C} {D} {E}", tokenType, apiKeyId, secretName, passwordLength, passwordPolicy);
                    logger.LogInformation("{A} {B} {C} {D} {E}", continuationToken, pageToken, nextPageToken, cancellationToken, ipAddress);
                    logger.LogInformation("{A} {B} {C} {D} {E} {F}", address, userId, tokenCount, tokenLifetime, tokenExpiry, hasPassword);
                    logger.LogInformation("{A} {B} {C} {D}", passwordHashAlgorithm, authorizationHeaderName, tokenUrl, cookieName);
                    logger.LogInformation("Length {Length}", password.Length);
                    logger.LogInformation("{A} {B} {C} {D} {E}", connectionStringName, request.ApiKeyId, keyPath, passwordHint, tokenSize);
                    logger.LogInformation("Token {TokenId}", tokenId);
                    logger.LogInformation("Has password: {HasPassword}", !string.IsNullOrEmpty(password));
                    logger.LogInformation("Policy {Policy} {Type} {Count}", passwordPolicy, tokenType, tokenCount);
                }
            }
            """);
    }

    [Fact]
    public async Task RedactedValuesAreNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """

            public class C
            {
                public void M(ILogger logger, string password, string accessToken, Microsoft.Extensions.Compliance.Redaction.Redactor redactor)
                {
                    logger.LogInformation("Login {Password}", SecureLogging.Redact.Secret(password));
                    logger.LogInformation($"Token {SecureLogging.Redact.Token(accessToken)}");
                    logger.LogInformation("Token {Token}", redactor.Redact(accessToken));
                }
            }
            """);
    }

    [Fact]
    public async Task TypeRulesDecideBetweenNameAndType()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public enum TokenKind { A, B }
            public class C
            {
                public void M(ILogger logger, Guid apiKey, int pin, int otp, int verificationCode, long secretNumber, TokenKind token,
                    bool password, DateTimeOffset passwordChanged, int pinCode, string token2, int accessToken)
                {
                    logger.LogInformation("{A}", {|SL1001:apiKey|});
                    logger.LogInformation("{A} {B} {C} {D}", {|SL1001:pin|}, {|SL1001:otp|}, {|SL1001:verificationCode|}, {|SL1001:pinCode|});
                    logger.LogInformation("{A} {B} {C} {D}", secretNumber, token, password, passwordChanged);
                    logger.LogInformation("{A}", {|SL1001:token2|});
                    logger.LogInformation("{A}", accessToken);
                    logger.LogInformation("{Prefix}", {|SL1001:token2.Substring(0, 6)|});
                    logger.LogInformation("{Prefix}", {|SL1001:token2.ToUpperInvariant()|});
                }
            }
            """);
    }

    [Fact]
    public async Task FlowThroughLocals()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public class C
            {
                public void M(ILogger logger, LoginRequest request)
                {
                    var p = request.Password;
                    var header = $"Bearer {request.Password}";
                    string other;
                    other = request.UserName;
                    logger.LogInformation("Value {Value}", {|SL1001:p|});
                    logger.LogInformation("Header {Header}", {|SL1001:header|});
                    logger.LogInformation("Other {Other}", other);
                }
            }
            """);
    }

    [Fact]
    public async Task EditorConfigAddsAndRemovesWords()
    {
        var source = Usings + """
            public class C
            {
                public void M(ILogger logger, string sortCode, string pin, string sessionToken, string accessToken, string merchantSalt)
                {
                    logger.LogInformation("{A}", {|SL1001:sortCode|});
                    logger.LogInformation("{A}", pin);
                    logger.LogInformation("{A}", sessionToken);
                    logger.LogInformation("{A}", {|SL1001:accessToken|});
                    logger.LogInformation("{A}", {|SL1001:merchantSalt|});
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, "secure_logging.secret_words = sort code, salt\nsecure_logging.ignored_words = pin, session token\n");
    }

    [Fact]
    public async Task NoLoggingLibraryReferencedMeansOnlyTheConsoleIsALoggingCall()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;

                public class ILogger { public void LogInformation(string message, params object[] args) { } }

                public class C
                {
                    public void M(ILogger logger, string password)
                    {
                        logger.LogInformation("Password {Password}", password);
                        Console.WriteLine({|SL1001:password|});
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        await test.RunAsync();
    }
}
