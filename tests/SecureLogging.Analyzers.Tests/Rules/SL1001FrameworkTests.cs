using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogSecretsAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules;

/// <summary>Every logging API of SPEC §4 other than Microsoft.Extensions.Logging, and project wrappers.</summary>
public class SL1001FrameworkTests
{
    [Fact]
    public async Task Serilog()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using Serilog;
            using Serilog.Context;

            public class C
            {
                private static readonly ILogger Logger = Log.ForContext<C>();

                public void M(string password, string user, string apiKey, Serilog.Core.Logger core)
                {
                    Log.Information("Login {User} {Password}", user, {|SL1001:password|});
                    Log.Error(new Exception(), "Key {Key}", {|SL1001:apiKey|});
                    Logger.Warning("Login {User} {Pwd} {X}", user, {|SL1001:password|}, 1);
                    Logger.Write(Serilog.Events.LogEventLevel.Debug, "{A}", {|SL1001:password|});
                    core.Fatal($"Failed {{|SL1001:password|}}");
                    Logger.ForContext("ApiKey", {|SL1001:apiKey|}).Information("x");
                    Logger.ForContext("User", user).Information("x");
                    using (LogContext.PushProperty("Password", {|SL1001:password|}))
                    {
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task NLog()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;

            public class C
            {
                private static readonly NLog.Logger Logger = NLog.LogManager.GetCurrentClassLogger();
                private static readonly NLog.ILogger ILogger = NLog.LogManager.GetCurrentClassLogger();

                public void M(string password, string user, string token)
                {
                    Logger.Info("Login {User} {Password}", user, {|SL1001:password|});
                    Logger.Info("Login {0} {1}", user, {|SL1001:password|});
                    Logger.Error(new Exception(), "Token {Token}", {|SL1001:token|});
                    ILogger.Debug({|SL1001:token|});
                    Logger.Warn("Token " + {|SL1001:token|});
                    Logger.WithProperty("Token", {|SL1001:token|}).Info("x");
                    Logger.Info("User {User}", user);
                }
            }
            """);
    }

    [Fact]
    public async Task Log4Net()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using log4net;

            public class C
            {
                private static readonly ILog Log = LogManager.GetLogger(typeof(C));

                public void M(string password, string user, string secret)
                {
                    Log.Info({|SL1001:password|});
                    Log.InfoFormat("Login {0} with {1}", user, {|SL1001:password|});
                    Log.Debug("Secret: " + {|SL1001:secret|});
                    Log.Error($"Failed {{|SL1001:secret|}}", new Exception());
                    Log.Logger.Log(typeof(C), log4net.Core.Level.Info, {|SL1001:secret|}, null);
                    Log.Info("User " + user);
                }
            }
            """);
    }

    [Fact]
    public async Task ConsoleDebugAndTrace()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Diagnostics;

            public class C
            {
                public void M(string password, string user, string token)
                {
                    Console.WriteLine({|SL1001:password|});
                    Console.WriteLine("Login {0} {1}", user, {|SL1001:password|});
                    Console.Write($"Token {{|SL1001:token|}}");
                    Console.Error.WriteLine("Token: " + {|SL1001:token|});
                    Console.Out.WriteLine({|SL1001:token|});
                    Debug.WriteLine({|SL1001:token|});
                    Debug.WriteLine("Token {0}", {|SL1001:token|});
                    Trace.TraceInformation("Token {0}", {|SL1001:token|});
                    Trace.WriteLine($"Token {{|SL1001:token|}}");
                    Console.WriteLine(user);
                    var writer = new System.IO.StringWriter();
                    writer.WriteLine(password);
                }
            }
            """);
    }

    [Fact]
    public async Task ProjectWrappersAreLoggingCallsAtTheirCallSites()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public class Audit
            {
                private readonly ILogger _logger;
                public Audit(ILogger logger) => _logger = logger;

                public void Info(string message, params object[] args) => _logger.LogInformation(message, args);
                public void Write(string text) => Console.WriteLine(text);
                public void Forward(string message, params object[] args) => Info(message, args);

                [Serilog.Core.MessageTemplateFormatMethod("template")]
                public void Templated(string template, params object?[] values) { }
            }

            public class C
            {
                public void M(Audit audit, string password, string user)
                {
                    audit.Info("Login {User} {Password}", user, {|SL1001:password|});
                    audit.Info("Login {User} {Value}", user, {|SL1001:password|});
                    audit.Write($"pwd {{|SL1001:password|}}");
                    audit.Forward("Login {User} {Value}", user, {|SL1001:password|});
                    audit.Templated("Login {User} {Secret}", user, {|SL1001:password|});
                    audit.Info("Login {User}", user);
                }
            }
            """);
    }

    [Fact]
    public async Task SecurityEventsAreJudgedForSecretsOnly()
    {
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            public class C
            {
                public void M(ILogger logger, string email, string password, string apiKey, string keyId)
                {
                    SecurityLog.LogLoginFailed(logger, email, "bad password");
                    logger.LogLoginFailed(email, $"bad password {{|SL1001:password|}}");
                    logger.LogApiKeyCreated(email, {|SL1001:apiKey|});
                    logger.LogApiKeyCreated(email, keyId);
                    logger.LogSecurityEvent(new SecurityEvent("account.updated") { UserName = email, Reason = {|SL1001:password|} });
                }
            }
            """);
    }
}
