using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Security;
using System.Security.Authentication;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SecureLogging;
using Shop.Models;

namespace Shop.Diagnostics;

public static partial class AccountLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Password changed for {UserId}")]
    public static partial void PasswordChanged(this ILogger logger, string userId);

    [LoggerMessage(EventId = 301, Level = LogLevel.Debug, Message = "Password change with {CurrentPassword}")]
    public static partial void PasswordChangeAttempt(this ILogger logger, string currentPassword); // expect: SL1001

    [LoggerMessage(EventId = 302, Level = LogLevel.Debug, Message = "Policy requires {PasswordLength} characters, hint {PasswordHint}")]
    public static partial void PolicyApplied(this ILogger logger, int passwordLength, string passwordHint);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "Contact {Email} by {Phone}")]
    public static partial void ContactUpdated(this ILogger logger, string email, string phone); // expect: SL1003, SL1003

    [LoggerMessage(EventId = 304, Level = LogLevel.Information, Message = "Subscriber {Nickname} on {Plan}")]
    public static partial void SubscriberJoined(this ILogger logger, [PrivateData] string nickname, string plan);

    [LoggerMessage(EventId = 305, Level = LogLevel.Information, Message = "Device registered")]
    public static partial void DeviceRegistered(this ILogger logger, [LogProperties] DeviceRegistration device); // expect: SL1004

    [LoggerMessage(EventId = 306, Level = LogLevel.Information, Message = "Order shipped")]
    public static partial void OrderShipped(this ILogger logger, [LogProperties] OrderShipped shipment);

    [LoggerMessage(EventId = 307, Level = LogLevel.Information, Message = "Api key {KeyId} created, expires {Expiry}")]
    public static partial void ApiKeyCreated(this ILogger logger, Guid keyId, DateTimeOffset expiry);

    [LoggerMessage(EventId = 308, Level = LogLevel.Debug, Message = "Api key {ApiKey} created")]
    public static partial void ApiKeyValue(this ILogger logger, string apiKey); // expect: SL1001

    [LoggerMessage(EventId = 309, Level = LogLevel.Information, Message = "Transfer to {Iban} of {Amount}")]
    public static partial void TransferQueued(this ILogger logger, string iban, decimal amount); // expect: SL1002
}

public sealed partial class CheckoutTelemetry
{
    private readonly ILogger<CheckoutTelemetry> _logger;

    public CheckoutTelemetry(ILogger<CheckoutTelemetry> logger) => _logger = logger;

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkout {CartId} started")]
    public partial void CheckoutStarted(Guid cartId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkout paid with {CardNumber}")]
    public partial void CheckoutCard(string cardNumber); // expect: SL1002

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkout card ending {CardLast4} of type {CardType}")]
    public partial void CheckoutCardSummary(string cardLast4, string cardType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkout cvc {Cvc}")]
    public partial void CheckoutCvc(int cvc); // expect: SL1002

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkout for {Customer}")]
    public partial void CheckoutCustomer(CustomerContact customer); // expect: SL1003

    public void Run(Guid cartId, PaymentRequest payment, CustomerContact contact)
    {
        CheckoutStarted(cartId);
        CheckoutCardSummary(payment.CardNumber.Substring(payment.CardNumber.Length - 4), "visa"); // expect: SL1002
        CheckoutCustomer(contact);
        _logger.LogInformation("Checkout amount {Amount}", payment.Amount);
    }
}

public static class ScopedLogging
{
    private static readonly Func<ILogger, Guid, IDisposable?> s_orderScope =
        LoggerMessage.DefineScope<Guid>("Order {OrderId}");

    private static readonly Func<ILogger, string, IDisposable?> s_sessionScope =
        LoggerMessage.DefineScope<string>("Session {SessionToken}");

    private static readonly Action<ILogger, string, string, Exception?> s_login =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(400, "Login"), "Login {UserName} via {Method}");

    private static readonly Action<ILogger, string, Exception?> s_contact =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(401, "Contact"), "Contact {Value}");

    public static void Handle(ILogger logger, Guid orderId, string sessionToken, LoginModel login, string method)
    {
        using (s_orderScope(logger, orderId))
        using (s_sessionScope(logger, sessionToken)) // expect: SL1001
        {
            s_login(logger, login.Email, method, null); // expect: SL1003
            s_login(logger, "system", method, null);
            s_contact(logger, login.Email, null); // expect: SL1003
            s_contact(logger, login.Password, null); // expect: SL1001
            s_contact(logger, login.ReturnUrl ?? "/", null);
        }

        using (logger.BeginScope("Checkout {CartId} for {Email}", orderId, login.Email)) // expect: SL1003
        using (logger.BeginScope(new[] { new KeyValuePair<string, object?>("OrderId", orderId), new KeyValuePair<string, object?>("SessionToken", sessionToken) })) // expect: SL1001
        using (logger.BeginScope(new Dictionary<string, object> { ["RememberMe"] = login.RememberMe, ["Password"] = login.Password })) // expect: SL1001
        using (logger.BeginScope(new Dictionary<string, string> { ["email"] = login.Email })) // expect: SL1003
        using (logger.BeginScope(new { OrderId = orderId, login.ReturnUrl }))
        using (logger.BeginScope(new { Session = sessionToken })) // expect: SL1001
        {
            logger.Log(LogLevel.Information, "Handled {OrderId}", orderId);
            logger.Log(LogLevel.Debug, new EventId(402), "Handled with {Password}", login.Password); // expect: SL1001
            logger.Log(LogLevel.Warning, new EventId(403), new InvalidOperationException("x"), "Handled {Email}", login.Email); // expect: SL1003
            logger.LogInformation(new EventId(404, "Handled"), "Handled {Value}", Redact.Email(login.Email));
            logger.LogInformation("Handled {Token}", Redact.Token(sessionToken));
        }
    }
}

public sealed class DiagnosticsReporter
{
    private readonly ILogger<DiagnosticsReporter> _logger;

    public DiagnosticsReporter(ILogger<DiagnosticsReporter> logger) => _logger = logger;

    public void Report(Subscriber subscriber, SignupCommand signup, LicenseInfo license, PayoutAccount payout, EmbedWidget widget)
    {
        _logger.LogInformation("Subscriber {SubscriberId} on {Plan}", subscriber.Id, subscriber.Plan);
        _logger.LogInformation("Subscriber nickname {Nickname}", subscriber.Nickname); // expect: SL1003
        _logger.LogInformation("Signup {@Signup}", signup);
        _logger.LogInformation("Signup for {UserName} from {Referral}", signup.UserName, signup.Referral);
        _logger.LogDebug("Signup password {Value}", signup.Password); // expect: SL1001
        _logger.LogInformation("License {Product} for {Seats} seats", license.Product, license.Seats);
        _logger.LogDebug("License activation {Activation}", license.Activation); // expect: SL1001
        _logger.LogDebug("License {@License}", license); // expect: SL1004
        _logger.LogInformation("Payout {Payout}", JsonSerializer.Serialize(payout));
        _logger.LogInformation("Payout {@Payout}", payout); // expect: SL1004
        _logger.LogInformation("Payout account {Account}", payout.AccountNumber); // expect: SL1002
        _logger.LogInformation("Payout nickname {Nickname} in {Currency}", payout.Nickname, payout.Currency);
        _logger.LogInformation("Widget {Widget}", Newtonsoft.Json.JsonConvert.SerializeObject(widget));
        _logger.LogInformation("License {License}", Newtonsoft.Json.JsonConvert.SerializeObject(license)); // expect: SL1004
    }

    public void Security(ILogger logger, LoginModel login, AppUser user, ApiClient client, PaymentRequest payment)
    {
        logger.LogLoginFailed(login.Email, "invalid password");
        logger.LogLoginFailed(login.Email, "invalid password " + login.Password); // expect: SL1001
        logger.LogLoginSucceeded(user.Id, user.Email);
        logger.LogApiKeyCreated(user.Id, client.ClientId);
        logger.LogApiKeyCreated(user.Id, client.ClientSecret); // expect: SL1001
        logger.LogAccessDenied(user.Id, "payments", "refund", $"card {payment.CardNumber} blocked"); // expect: SL1002
        logger.LogAccessDenied(user.Id, "profile", "read", $"{user.PhoneNumber} not verified");
        logger.LogSecurityEvent(new SecurityEvent("account.updated") { UserId = user.Id, Reason = "phone " + user.PhoneNumber });
    }
}

public sealed class ExceptionExamples
{
    public void Connect(string connectionString, string host, int port, TokenResponse tokens, string email, PaymentRequest payment)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new ArgumentException("Host is required", nameof(host));
        }

        if (port <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, $"Port {port} is invalid for {host}");
        }

        if (connectionString.Length == 0)
        {
            throw new ArgumentException($"Invalid connection string '{connectionString}'", nameof(connectionString)); // expect: SL1005
        }

        if (tokens.ExpiresIn <= 0)
        {
            throw new AuthenticationException($"Token of type {tokens.TokenType} expired {tokens.ExpiresIn}s ago");
        }

        if (tokens.Scope is null)
        {
            throw new AuthenticationException("Token " + tokens.AccessToken + " has no scope"); // expect: SL1005
        }

        if (!email.Contains('@'))
        {
            throw new FormatException($"Email {email} is not valid");
        }

        if (payment.Amount > 5_000)
        {
            throw new HttpRequestException($"Gateway rejected {payment.OrderId}: card {payment.CardNumber}"); // expect: SL1005
        }

        throw new IOException(string.Format("Could not reach {0}:{1} with key {2}", host, port, tokens.RefreshToken)); // expect: SL1005
    }

    public Exception Wrap(Exception inner, string password, Guid requestId)
    {
        var message = $"Request {requestId} failed";
        var wrapped = new InvalidOperationException(message, inner);
        var leaked = new InvalidOperationException($"Request {requestId} failed for password {password}", inner); // expect: SL1005
        _ = leaked;
        return new SecurityException(wrapped.Message + " (password length " + password.Length + ")");
    }
}
