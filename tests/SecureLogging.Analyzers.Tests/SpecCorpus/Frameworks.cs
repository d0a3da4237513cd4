// Spec corpus: every logging API family of SPEC §4, each carrying a secret, card or personal value, and the
// shapes of message (template, format string, interpolation, concatenation, params array).
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Contoso.Models;
using Microsoft.Extensions.Logging;
using SecureLogging;
using Serilog.Context;
using Serilog.Core;

namespace Contoso.Frameworks;

public sealed partial class MelShapes
{
    private static readonly Action<ILogger, string, Exception?> s_tokenIssued =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(10, "TokenIssued"), "Issued token {Token}");

    private static readonly Action<ILogger, string, string, Exception?> s_userCreated =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(11, "UserCreated"), "Created {UserId} with {Email}");

    private static readonly Func<ILogger, string, IDisposable?> s_tenantScope =
        LoggerMessage.DefineScope<string>("Tenant {TenantApiKey}");

    private readonly ILogger<MelShapes> _logger;

    public MelShapes(ILogger<MelShapes> logger) => _logger = logger;

    public void Shapes(string password, string userId, string email, string refreshToken, object[] args, Exception error, string card)
    {
        _logger.Log(LogLevel.Warning, new EventId(7, "Login"), "Login {User} with {Password}", userId, password); // expect: SL1001
        _logger.Log(LogLevel.Error, error, "Refresh {RefreshToken} failed", refreshToken); // expect: SL1001
        _logger.LogError(error, "Could not reach {Email}", email); // expect: SL1003
        _logger.LogInformation($"Password reset for {userId} to {password}"); // expect: SL1001
        _logger.LogInformation("Password reset for " + userId + " to " + password); // expect: SL1001
        _logger.LogInformation(string.Format("Refresh {0} for {1}", refreshToken, userId)); // expect: SL1001
        _logger.LogInformation("Refresh {Token} for {User}", new object[] { refreshToken, userId }); // expect: SL1001
        _logger.LogInformation("Anything {A} {B}", args);
        _logger.LogWarning("Card {Card} for {Email}", card, email); // expect: SL1003
        _logger.LogCritical("Card number {CardNumber}", card); // expect: SL1002
        s_tokenIssued(_logger, refreshToken, null); // expect: SL1001
        s_tokenIssued(_logger, userId, null); // expect: SL1001
        s_userCreated(_logger, userId, email, null); // expect: SL1003
        using var scope = s_tenantScope(_logger, userId); // expect: SL1001
        using var scope2 = _logger.BeginScope("Request by {Email}", email); // expect: SL1003
        using var scope3 = _logger.BeginScope("Impersonating with {Password}", password); // expect: SL1001
        using var scope4 = _logger.BeginScope(new Dictionary<string, object> { ["UserId"] = userId });
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Login for {UserName} with {Password}")]
    private partial void LoginAttempt(string userName, string password); // expect: SL1001

    [LoggerMessage(21, LogLevel.Information, "Verification sent to {PhoneNumber}")]
    public static partial void VerificationSent(ILogger logger, string phoneNumber); // expect: SL1003

    [LoggerMessage(22, LogLevel.Debug, "Charging {Pan} for {Amount}")]
    public static partial void Charging(ILogger logger, string pan, decimal amount); // expect: SL1002

    [LoggerMessage(23, LogLevel.Debug, "Sign-in model {@Model}")]
    public static partial void SignInModelReceived(ILogger logger, SignInModel model); // expect: SL1004

    [LoggerMessage(24, LogLevel.Debug, "Key {KeyId} expires in {Lifetime}")]
    public static partial void KeyExpiring(ILogger logger, string keyId, TimeSpan lifetime);

    [LoggerMessage(25, LogLevel.Debug, "Command {Command}")]
    public static partial void CommandReceived(ILogger logger, LoginCommand command); // expect: SL1004

    public void UseGenerated(string user, string pw)
    {
        LoginAttempt(user, pw);
        VerificationSent(_logger, user);
        KeyExpiring(_logger, user, TimeSpan.FromDays(1));
    }
}

public sealed class SerilogShapes
{
    private readonly Serilog.ILogger _log;

    public SerilogShapes(Serilog.ILogger log) => _log = log.ForContext<SerilogShapes>();

    public void Shapes(string apiKey, string email, SignInModel model, string iban, string userId, string sessionToken)
    {
        Serilog.Log.Information("Partner key {ApiKey}", apiKey); // expect: SL1001
        Serilog.Log.Warning("Bounce from {Email}", email); // expect: SL1003
        Serilog.Log.Debug("Model {@Model}", model); // expect: SL1004
        Serilog.Log.Debug("Model {$Model}", model);
        _log.Information("Payout to {Iban}", iban); // expect: SL1002
        _log.Error("Session {SessionToken} for {UserId}", sessionToken, userId); // expect: SL1001
        _log.ForContext("ApiKey", apiKey).Information("Calling partner"); // expect: SL1001
        _log.ForContext("UserId", userId).Information("Calling partner");
        _log.ForContext("Model", model, destructureObjects: true).Debug("Received"); // expect: SL1004
        Serilog.Log.ForContext("Email", email).Information("Subscribed"); // expect: SL1003
        using (LogContext.PushProperty("SessionToken", sessionToken)) // expect: SL1001
        using (LogContext.PushProperty("UserId", userId))
        {
            _log.Information("Working");
        }

        _log.Write(Serilog.Events.LogEventLevel.Information, "Key {Key}", apiKey); // expect: SL1001
        _log.Information($"Key {apiKey}"); // expect: SL1001
        _log.Verbose("Key " + apiKey); // expect: SL1001
        _log.Fatal("User {UserId} key {Key}", userId, "static");
    }
}

public sealed class NLogShapes
{
    private static readonly NLog.Logger Logger = NLog.LogManager.GetCurrentClassLogger();

    public void Shapes(string password, string phone, string routingNumber, string userId)
    {
        Logger.Info("Login {User} {Password}", userId, password); // expect: SL1001
        Logger.Debug("Phone {Phone}", phone); // expect: SL1003
        Logger.Warn("Routing {Routing}", routingNumber); // expect: SL1002
        Logger.Error($"Bad password {password}"); // expect: SL1001
        Logger.Trace("pw=" + password); // expect: SL1001
        Logger.Fatal("User {User}", userId);
        Logger.Log(NLog.LogLevel.Info, "Password {Password}", password); // expect: SL1001
    }
}

public sealed class Log4NetShapes
{
    private static readonly log4net.ILog Log = log4net.LogManager.GetLogger(typeof(Log4NetShapes));

    public void Shapes(string secret, string ssn, string cvv, string userId)
    {
        Log.Debug("Secret " + secret); // expect: SL1001
        Log.Info($"SSN {ssn}"); // expect: SL1003
        Log.WarnFormat("CVV {0} for {1}", cvv, userId); // expect: SL1002
        Log.ErrorFormat("Secret {0}", secret); // expect: SL1001
        Log.Fatal("User " + userId);
        Log.Logger.Log(typeof(Log4NetShapes), log4net.Core.Level.Info, "Secret " + secret, null); // expect: SL1001
        Log.InfoFormat("User {0}", userId);
    }
}

public sealed class SinkShapes
{
    public void Shapes(string token, string email, string cardNumber, string userId)
    {
        Console.WriteLine($"Token: {token}"); // expect: SL1001
        Console.WriteLine("Token: " + token); // expect: SL1001
        Console.WriteLine("Token: {0}", token); // expect: SL1001
        Console.Write(token); // expect: SL1001
        Console.Error.WriteLine($"Failed for {email}"); // expect: SL1003
        Console.Out.WriteLine("Card " + cardNumber); // expect: SL1002
        Debug.WriteLine($"Token {token}"); // expect: SL1001
        Debug.Write("Email " + email); // expect: SL1003
        Debug.WriteLineIf(token.Length > 0, "Token " + token); // expect: SL1001
        Trace.TraceWarning("Token {0}", token); // expect: SL1001
        Trace.TraceError($"Card {cardNumber}"); // expect: SL1002
        Trace.TraceInformation("User {0}", userId);
        Trace.WriteLine("Token " + token); // expect: SL1001
        Console.WriteLine($"User {userId} signed in");
    }
}

/// <summary>A project's wrapper: passes its own parameters on to the logger.</summary>
public static class Audit
{
    private static ILogger? s_logger;

    public static void Configure(ILogger logger) => s_logger = logger;

    public static void Info(string message, params object[] args) => s_logger?.LogInformation(message, args);
}

/// <summary>A project's tracing helper with Serilog's attribute and its own sink.</summary>
public static class Tracer
{
    public static readonly List<string> Lines = new();

    [MessageTemplateFormatMethod("messageTemplate")]
    public static void Trace(string messageTemplate, params object?[] propertyValues)
        => Lines.Add(messageTemplate + " " + propertyValues.Length);
}

public sealed class WrapperCalls
{
    public void Calls(string password, string email, string cardNumber, string userId)
    {
        Audit.Info("Password set to {Password}", password); // expect: SL1001
        Audit.Info("Contact {Email}", email); // expect: SL1003
        Audit.Info("Card {Card} {User}", cardNumber, userId); // expect: SL1002
        Audit.Info("User {User}", userId);
        Audit.Info($"Password {password}"); // expect: SL1001
        Tracer.Trace("Password {Password}", password); // expect: SL1001
        Tracer.Trace("Contact {Value}", email); // expect: SL1003
        Tracer.Trace("User {User}", userId);
    }
}

public sealed class SecurityEvents
{
    private readonly ILogger<SecurityEvents> _logger;

    public SecurityEvents(ILogger<SecurityEvents> logger) => _logger = logger;

    public void Events(SignInModel model, string email, string apiKey, string apiKeyId, string userId, string cardNumber, ProfileModel profile)
    {
        _logger.LogLoginFailed(model.UserName, "invalid password " + model.Password); // expect: SL1001
        _logger.LogLoginFailed(email, "invalid_credentials");
        _logger.LogLoginSucceeded(userId, email);
        _logger.LogApiKeyCreated(userId, apiKey); // expect: SL1001
        _logger.LogApiKeyRevoked(userId, apiKeyId);
        _logger.LogAccessDenied(userId, "card/" + cardNumber, "read", "not owner"); // expect: SL1002
        _logger.LogLoginFailed(profile.EmailAddress, $"locked {profile.MobileNumber}");
        _logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) { UserId = userId, UserName = email });
        _logger.LogMfaFailed(userId, "totp " + model.Password); // expect: SL1001
    }
}
