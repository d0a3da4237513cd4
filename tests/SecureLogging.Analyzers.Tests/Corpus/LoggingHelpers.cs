using System;
using Microsoft.Extensions.Logging;
using SecureLogging;
using Shop.Models;

namespace Shop.Logging;

public static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "User {UserId} signed in from {IpAddress}")]
    public static partial void SignedIn(ILogger logger, string userId, string ipAddress);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Sign-in failed for {UserName}: {Reason}")]
    public static partial void SignInFailed(ILogger logger, string userName, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Sign-in attempted with {Password}")]
    public static partial void SignInAttempt(ILogger logger, string password); // expect: SL1001

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Customer {Email} subscribed")]
    public static partial void Subscribed(ILogger logger, string email); // expect: SL1003

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "Token issued {TokenType} for {Lifetime}")]
    public static partial void TokenIssued(ILogger logger, string tokenType, TimeSpan lifetime);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug, Message = "Payment {@Payment}")]
    public static partial void PaymentReceived(ILogger logger, PaymentRequest payment); // expect: SL1004

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Order {OrderId} paid with {Last4}")]
    public static partial void OrderPaid(ILogger logger, Guid orderId, string last4);

    [LoggerMessage(EventId = 107, Level = LogLevel.Debug, Message = "Webhook {Value}")]
    public static partial void WebhookValue(ILogger logger, string value);

    [LoggerMessage(EventId = 108, Level = LogLevel.Information, Message = "User {User} created")]
    public static partial void UserCreatedEvent(ILogger logger, UserCreated user); // expect: SL1003

    [LoggerMessage(EventId = 109, Level = LogLevel.Information, Message = "Session {Session} started")]
    public static partial void SessionStartedEvent(ILogger logger, SessionStarted session); // expect: SL1004

    [LoggerMessage(EventId = 110, Level = LogLevel.Error, Message = "Card {CardNumber} declined")]
    public static partial void CardDeclined(ILogger logger, Exception exception, string cardNumber); // expect: SL1002
}

public static class LegacyLog
{
    private static readonly Action<ILogger, string, Exception?> s_apiCall =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(200, "ApiCall"), "Calling partner with {Value}");

    private static readonly Action<ILogger, Guid, string, Exception?> s_keyIssued =
        LoggerMessage.Define<Guid, string>(LogLevel.Information, new EventId(201, "KeyIssued"), "Key {KeyId} issued to {Owner}");

    private static readonly Action<ILogger, string, Exception?> s_secret =
        LoggerMessage.Define<string>(LogLevel.Debug, new EventId(202, "Secret"), "Client secret {ClientSecret}");

    public static void ApiCall(ILogger logger, string endpoint) => s_apiCall(logger, endpoint, null);

    public static void ApiCallWithKey(ILogger logger, string apiKey) => s_apiCall(logger, apiKey, null); // expect: SL1001

    public static void KeyIssued(ILogger logger, ApiKey key, string owner) => s_keyIssued(logger, Guid.NewGuid(), owner, null);

    public static void Secret(ILogger logger, ApiClient client) => s_secret(logger, client.ClientSecret, null); // expect: SL1001

    public static void SecretRedacted(ILogger logger, ApiClient client) => s_secret(logger, Redact.Secret(client.ClientSecret), null);

    public static void Name(ILogger logger, ApiClient client) => s_secret(logger, client.Name, null); // expect: SL1001
}

/// <summary>The kind of audit wrapper every codebase grows.</summary>
public sealed class Audit
{
    private readonly ILogger<Audit> _logger;

    public Audit(ILogger<Audit> logger) => _logger = logger;

    public void Info(string message, params object?[] args) => _logger.LogInformation(message, args);

    public void Warn(string message, params object?[] args) => _logger.LogWarning(message, args);

    public void Event(string name, object? payload) => _logger.LogInformation("Audit {Name} {@Payload}", name, payload);

    public void Text(string line) => Console.WriteLine("[audit] " + line);
}

public sealed class AuditedService
{
    private readonly Audit _audit;
    private readonly ILogger<AuditedService> _logger;

    public AuditedService(Audit audit, ILogger<AuditedService> logger)
    {
        _audit = audit;
        _logger = logger;
    }

    public void Use(LoginModel login, Customer customer, ApiClient client, PaymentRequest payment)
    {
        _audit.Info("Login for {Email}", login.Email); // expect: SL1003
        _audit.Info("Login with {Password}", login.Password); // expect: SL1001
        _audit.Info("Login remember {Remember}", login.RememberMe);
        _audit.Warn("Client {ClientId} used secret {Secret}", client.ClientId, client.ClientSecret); // expect: SL1001
        _audit.Warn("Client {ClientId} rejected", client.ClientId);
        _audit.Event("payment", payment); // expect: SL1004
        _audit.Event("customer", customer.Id);
        _audit.Text($"customer {customer.Id} paid {payment.Amount}");
        _audit.Text($"card {payment.CardNumber}"); // expect: SL1002
        Log.SignedIn(_logger, customer.Id.ToString(), "10.0.0.1");
        Log.SignInFailed(_logger, login.Email, "bad password"); // expect: SL1003
        Log.WebhookValue(_logger, client.ClientSecret); // expect: SL1001
        Log.WebhookValue(_logger, client.Name);
        Log.OrderPaid(_logger, payment.OrderId, payment.CardNumber); // expect: SL1002
        Log.SignInAttempt(_logger, login.Password);
    }
}
