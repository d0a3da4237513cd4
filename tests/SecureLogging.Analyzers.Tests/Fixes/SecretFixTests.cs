using SecureLogging.Analyzers.Rules;

namespace SecureLogging.Analyzers.Tests.Fixes;

/// <summary>SL1001 fixes: Redact.Secret / Redact.Token, and removal, in every shape a value reaches a log.</summary>
public class SecretFixTests
{
    [Fact]
    public async Task TemplateArgument_IsWrappedInRedactSecret_AndTheUsingIsAdded()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class LoginService
            {
                void Login(ILogger logger, string user, string password)
                {
                    logger.LogInformation("User {User} signed in with {Password}", user, {|SL1001:password|});
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class LoginService
            {
                void Login(ILogger logger, string user, string password)
                {
                    logger.LogInformation("User {User} signed in with {Password}", user, Redact.Secret(password));
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, fixedSource);
    }

    [Fact]
    public async Task TemplateArgument_Remove_TakesThePlaceholderAndItsLabel()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class LoginService
            {
                void Login(ILogger logger, string user, string password)
                {
                    logger.LogInformation("User {User} signed in with password {Password}", user, {|SL1001:password|});
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;

            class LoginService
            {
                void Login(ILogger logger, string user, string password)
                {
                    logger.LogInformation("User {User} signed in", user);
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, fixedSource, FixTest.Remove);
    }

    [Fact]
    public async Task Token_IsWrappedInRedactToken()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class TokenService
            {
                void Issue(ILogger logger, string accessToken)
                {
                    logger.LogDebug("Issued {AccessToken}", {|SL1001:accessToken|});
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class TokenService
            {
                void Issue(ILogger logger, string accessToken)
                {
                    logger.LogDebug("Issued {AccessToken}", Redact.Token(accessToken));
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, fixedSource);
    }

    [Fact]
    public async Task InterpolationHole_IsWrapped_AndRemovedWithItsLabel()
    {
        const string source = """
            using System;

            class Setup
            {
                void Connect(string user, string password)
                {
                    Console.WriteLine($"Connecting as {user} with password {{|SL1001:password|}}");
                }
            }
            """;
        const string wrapped = """
            using System;
            using SecureLogging;

            class Setup
            {
                void Connect(string user, string password)
                {
                    Console.WriteLine($"Connecting as {user} with password {Redact.Secret(password)}");
                }
            }
            """;
        const string removed = """
            using System;

            class Setup
            {
                void Connect(string user, string password)
                {
                    Console.WriteLine($"Connecting as {user}");
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, wrapped);
        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, removed, FixTest.Remove);
    }

    [Fact]
    public async Task ConcatenationOperand_IsWrapped_AndRemovedWithItsLabel()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password)
                {
                    logger.LogWarning("Connecting as " + user + ", password: " + {|SL1001:password|} + ".");
                }
            }
            """;
        const string wrapped = """
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password)
                {
                    logger.LogWarning("Connecting as " + user + ", password: " + Redact.Secret(password) + ".");
                }
            }
            """;
        const string removed = """
            using Microsoft.Extensions.Logging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password)
                {
                    logger.LogWarning("Connecting as " + user + ".");
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, wrapped);
        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, removed, FixTest.Remove);
    }

    [Fact]
    public async Task AnonymousMember_KeepsItsName_WhenWrapped_AndGoesWhenRemoved()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password, string apiKey)
                {
                    logger.LogInformation("Connecting {@Settings}", new { user, {|SL1001:password|}, {|SL1001:Key = apiKey|} });
                }
            }
            """;
        const string wrapped = """
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password, string apiKey)
                {
                    logger.LogInformation("Connecting {@Settings}", new { user, password = Redact.Secret(password), Key = Redact.Secret(apiKey) });
                }
            }
            """;
        const string removed = """
            using Microsoft.Extensions.Logging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password, string apiKey)
                {
                    logger.LogInformation("Connecting {@Settings}", new { user });
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, wrapped);
        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, removed, FixTest.Remove);
    }

    [Fact]
    public async Task DictionaryValue_IsWrapped_AndTheEntryGoesWhenRemoved()
    {
        const string source = """
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password)
                {
                    using (logger.BeginScope(new Dictionary<string, object> { ["User"] = user, ["Password"] = {|SL1001:password|} }))
                    {
                    }
                }
            }
            """;
        const string wrapped = """
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password)
                {
                    using (logger.BeginScope(new Dictionary<string, object> { ["User"] = user, ["Password"] = Redact.Secret(password) }))
                    {
                    }
                }
            }
            """;
        const string removed = """
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password)
                {
                    using (logger.BeginScope(new Dictionary<string, object> { ["User"] = user }))
                    {
                    }
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, wrapped);
        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, removed, FixTest.Remove);
    }

    [Fact]
    public async Task DictionaryEntryPutInALocal_IsWrapped_AndItsStatementGoesWhenRemoved()
    {
        const string source = """
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password)
                {
                    var state = new Dictionary<string, object> { ["User"] = user };
                    state["Password"] = {|SL1001:password|};
                    using (logger.BeginScope(state))
                    {
                    }
                }
            }
            """;
        const string wrapped = """
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password)
                {
                    var state = new Dictionary<string, object> { ["User"] = user };
                    state["Password"] = Redact.Secret(password);
                    using (logger.BeginScope(state))
                    {
                    }
                }
            }
            """;
        const string removed = """
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password)
                {
                    var state = new Dictionary<string, object> { ["User"] = user };
                    using (logger.BeginScope(state))
                    {
                    }
                }
            }
            """;
        var added = source.Replace("state[\"Password\"] = {|SL1001:password|};", "state.Add(\"Password\", {|SL1001:password|});", System.StringComparison.Ordinal);

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, wrapped, FixTest.Protect, withRuntime: true, fixAll: true, nonLocal: true);
        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, removed, FixTest.Remove, withRuntime: true, fixAll: true, nonLocal: true);
        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(added, removed, FixTest.Remove, withRuntime: true, fixAll: true, nonLocal: true);
    }

    [Fact]
    public async Task FixAll_FixesEverySecretOfTheDocument_IncludingTwoInOneCall()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password, string apiKey, string refreshToken)
                {
                    logger.LogInformation("User {User}, password {Password}, key {ApiKey}", user, {|SL1001:password|}, {|SL1001:apiKey|});
                    logger.LogInformation("Refreshing with {RefreshToken}", {|SL1001:refreshToken|});
                }
            }
            """;
        const string wrapped = """
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password, string apiKey, string refreshToken)
                {
                    logger.LogInformation("User {User}, password {Password}, key {ApiKey}", user, Redact.Secret(password), Redact.Secret(apiKey));
                    logger.LogInformation("Refreshing with {RefreshToken}", Redact.Token(refreshToken));
                }
            }
            """;
        const string removed = """
            using Microsoft.Extensions.Logging;

            class Setup
            {
                void Connect(ILogger logger, string user, string password, string apiKey, string refreshToken)
                {
                    logger.LogInformation("User {User}", user);
                    logger.LogInformation("Refreshing");
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, wrapped);
        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, removed, FixTest.Remove);
    }

    [Fact]
    public async Task CompositeFormat_Remove_RenumbersTheLaterPlaceholders()
    {
        const string source = """
            using System;

            class Setup
            {
                void Connect(string user, string password, string host)
                {
                    Console.WriteLine("Connecting {0} with {1} to {2}", user, {|SL1001:password|}, host);
                }
            }
            """;
        const string removed = """
            using System;

            class Setup
            {
                void Connect(string user, string password, string host)
                {
                    Console.WriteLine("Connecting {0} to {1}", user, host);
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, removed, FixTest.Remove);
    }

    [Fact]
    public async Task ValueThatIsNotAString_IsWrappedThroughToString()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;

            class Setup
            {
                void Connect(ILogger logger, Guid apiKey, int? pin)
                {
                    logger.LogInformation("Key {ApiKey}", {|SL1001:apiKey|});
                    logger.LogInformation("Pin {Pin}", {|SL1001:pin|});
                }
            }
            """;
        const string wrapped = """
            using System;
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class Setup
            {
                void Connect(ILogger logger, Guid apiKey, int? pin)
                {
                    logger.LogInformation("Key {ApiKey}", Redact.Secret(apiKey.ToString()));
                    logger.LogInformation("Pin {Pin}", Redact.Secret(pin?.ToString()));
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, wrapped);
    }

    [Fact]
    public async Task WithoutTheRuntime_OnlyRemovalIsOffered_AndItIsTheFirstAction()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class LoginService
            {
                void Login(ILogger logger, string user, string password)
                {
                    logger.LogInformation("Login {User} {Password}", user, {|SL1001:password|});
                }
            }
            """;
        const string removed = """
            using Microsoft.Extensions.Logging;

            class LoginService
            {
                void Login(ILogger logger, string user, string password)
                {
                    logger.LogInformation("Login {User}", user);
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, removed, FixTest.Protect, withRuntime: false);
    }

    [Fact]
    public async Task ExistingUsing_IsNotDuplicated_AndTriviaIsKept()
    {
        const string source = """
            // Copyright header
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class LoginService
            {
                void Login(ILogger logger, string password)
                {
                    logger.LogInformation(
                        "Signed in with {Password}", // the user's password
                        {|SL1001:password|} /* typed */);
                }
            }
            """;
        const string fixedSource = """
            // Copyright header
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class LoginService
            {
                void Login(ILogger logger, string password)
                {
                    logger.LogInformation(
                        "Signed in with {Password}", // the user's password
                        Redact.Secret(password) /* typed */);
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, fixedSource);
    }
}

/// <summary>SL1001 on a <c>[LoggerMessage]</c> parameter: the parameter, its placeholder and the callers' argument go.</summary>
public class LoggerMessageParameterFixTests
{
    [Fact]
    public async Task LoggerMessageParameter_IsRemovedWithItsPlaceholderAndEveryCallersArgument()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "User {User} signed in with password {Password}")]
                static partial void SignedIn(this ILogger logger, string user, {|SL1001:string password|});

                public static void Use(ILogger logger, string user, string password)
                {
                    logger.SignedIn(user, password);
                    SignedIn(logger, user, password);
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "User {User} signed in")]
                static partial void SignedIn(this ILogger logger, string user);

                public static void Use(ILogger logger, string user, string password)
                {
                    logger.SignedIn(user);
                    SignedIn(logger, user);
                }
            }
            """;

        // A solution-wide edit, offered as a single fix and applied by Fix All in document, project and solution.
        await FixTest.VerifyAsync<DoNotLogSecretsAnalyzer>(source, fixedSource, FixTest.Protect, withRuntime: true, fixAll: true);
    }
}
