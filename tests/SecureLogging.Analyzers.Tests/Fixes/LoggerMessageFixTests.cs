using SecureLogging.Analyzers.Rules;

namespace SecureLogging.Analyzers.Tests.Fixes;

/// <summary>Fixes on the two Microsoft.Extensions.Logging high-performance shapes: LoggerMessage.Define delegates and [LoggerMessage] methods.</summary>
public class LoggerMessageFixTests
{
    [Fact]
    public async Task DefineDelegateArgument_IsWrappedInRedact_AtTheInvocation()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;

            static class LegacyLog
            {
                private static readonly Action<ILogger, string, string, Exception?> s_issued =
                    LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(1, "Issued"), "Client {ClientId} got {AccessToken}");

                public static void Issued(ILogger logger, string clientId, string accessToken, string clientSecret)
                {
                    s_issued(logger, clientId, {|SL1001:accessToken|}, null);
                    s_issued(logger, clientId, {|SL1001:clientSecret|}, null);
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            static class LegacyLog
            {
                private static readonly Action<ILogger, string, string, Exception?> s_issued =
                    LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(1, "Issued"), "Client {ClientId} got {AccessToken}");

                public static void Issued(ILogger logger, string clientId, string accessToken, string clientSecret)
                {
                    s_issued(logger, clientId, Redact.Token(accessToken), null);
                    s_issued(logger, clientId, Redact.Secret(clientSecret), null);
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, fixedSource);
    }

    [Fact]
    public async Task DefineDelegateArgument_IsNeverRemoved_TheDelegateArityIsFixed()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;

            static class LegacyLog
            {
                private static readonly Action<ILogger, string, Exception?> s_contact =
                    LoggerMessage.Define<string>(LogLevel.Information, new EventId(2, "Contact"), "Contact {Email}");

                public static void Contact(ILogger logger, string email) => s_contact(logger, {|SL1003:email|}, null);
            }
            """;

        await FixTest.VerifyNoFixAsync<DoNotLogPersonalDataAnalyzer>(source, FixTest.Remove);
    }

    [Fact]
    public async Task DefineDelegateArgument_WithoutTheRuntime_NoFixIsOffered()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;

            static class LegacyLog
            {
                private static readonly Action<ILogger, string, Exception?> s_key =
                    LoggerMessage.Define<string>(LogLevel.Debug, new EventId(3, "Key"), "Key {Value}");

                public static void Key(ILogger logger, string apiKey) => s_key(logger, {|SL1001:apiKey|}, null);
            }
            """;

        await FixTest.VerifyNoFixAsync<DoNotLogSecretsAnalyzer>(source, FixTest.Protect, withRuntime: false);
    }

    [Fact]
    public async Task FixAll_RemovesLoggerMessageParameters_AndWrapsTheDocumentsOtherValues()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "User {User} signed in with password {Password} and pin {Pin}")]
                static partial void SignedIn(this ILogger logger, string user, {|SL1001:string password|}, {|SL1001:string pin|});

                [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Token {Token}")]
                static partial void TokenSeen(this ILogger logger, {|SL1001:string token|});

                public static void Use(ILogger logger, string user, string password, string pin, string apiKey)
                {
                    logger.SignedIn(user, password, pin);
                    logger.TokenSeen(apiKey);
                    logger.LogInformation("Key {Key} for {User}", {|SL1001:apiKey|}, user);
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "User {User} signed in")]
                static partial void SignedIn(this ILogger logger, string user);

                [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "")]
                static partial void TokenSeen(this ILogger logger);

                public static void Use(ILogger logger, string user, string password, string pin, string apiKey)
                {
                    logger.SignedIn(user);
                    logger.TokenSeen();
                    logger.LogInformation("Key {Key} for {User}", Redact.Secret(apiKey), user);
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, fixedSource);
    }
}
