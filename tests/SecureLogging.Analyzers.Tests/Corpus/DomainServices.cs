using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SecureLogging;
using Shop.Models;

namespace Shop.Domain;

public sealed class CustomerService
{
    private readonly ILogger<CustomerService> _logger;

    public CustomerService(ILogger<CustomerService> logger) => _logger = logger;

    public void Update(Customer before, Customer after, string changedBy)
    {
        _logger.LogInformation("Customer {CustomerId} updated by {ChangedBy}", after.Id, changedBy);
        _logger.LogInformation("Email changed from {Old} to {New}", before.Email, after.Email); // expect: SL1003, SL1003
        _logger.LogInformation("Email changed to {New}", Redact.Email(after.Email));
        _logger.LogInformation("Phone changed to {Phone}", Redact.Phone(after.PhoneNumber));
        _logger.LogInformation("Country changed from {Old} to {New}", before.Country, after.Country);
        _logger.LogInformation("Name changed: {Changed}", before.FullName != after.FullName);
        _logger.LogDebug("Customer before {@Before}", before); // expect: SL1003
        _logger.LogDebug("Customer after {After}", after);
        _logger.LogDebug("Customer number {Number}", after.CustomerNumber);
    }

    public IReadOnlyList<Customer> Search(string email, string phone, int page, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Searching customers by email {Email}", email); // expect: SL1003
        _logger.LogInformation("Searching customers by phone {Phone}", phone); // expect: SL1003
        _logger.LogInformation("Searching page {Page}", page);
        _logger.LogDebug("Search cancelled: {Cancelled}", cancellationToken.IsCancellationRequested);
        var results = new List<Customer>();
        _logger.LogInformation("Found {Count} customers", results.Count);
        _logger.LogDebug("Found {Ids}", results.Select(c => c.Id).ToArray());
        return results;
    }

    public void Merge(Guid keepId, Guid dropId, string reason)
    {
        _logger.LogWarning("Merging customer {DropId} into {KeepId}: {Reason}", dropId, keepId, reason);
        using var scope = _logger.BeginScope("Merge {KeepId}", keepId);
        _logger.LogInformation("Merge complete");
    }
}

public sealed class SubscriptionService
{
    private readonly ILogger<SubscriptionService> _logger;

    public SubscriptionService(ILogger<SubscriptionService> logger) => _logger = logger;

    public Task RenewAsync(Guid subscriptionId, string plan, decimal price, DateTimeOffset renewsAt, string couponCode, string promoToken)
    {
        _logger.LogInformation("Renewing {SubscriptionId} on {Plan} for {Price} at {RenewsAt}", subscriptionId, plan, price, renewsAt);
        _logger.LogInformation("Applying coupon {Coupon}", couponCode);
        _logger.LogInformation("Applying promo token {Promo}", promoToken); // expect: SL1001
        _logger.LogInformation(
            "Renewal {Details}",
            new { subscriptionId, plan, price });
        _logger.LogInformation(
            "Renewal {Details}",
            new { subscriptionId, PaymentToken = promoToken }); // expect: SL1001
        return Task.CompletedTask;
    }

    public void Webhook(WebhookSettings settings, string payload, string signature, string signatureHeaderName)
    {
        _logger.LogInformation("Posting webhook to {Url} with {Retries} retries", settings.Url, settings.RetryCount);
        _logger.LogDebug("Webhook settings {Settings}", System.Text.Json.JsonSerializer.Serialize(settings));
        _logger.LogDebug("Webhook settings {@Settings}", settings); // expect: SL1004
        _logger.LogDebug("Webhook secret {Secret}", settings.Secret); // expect: SL1001
        _logger.LogDebug("Webhook signature header {Header}: {Signature}", signatureHeaderName, signature);
        _logger.LogDebug("Webhook payload size {Size}", payload.Length);
    }
}

public sealed class UserDirectory
{
    private readonly ILogger<UserDirectory> _logger;

    public UserDirectory(ILogger<UserDirectory> logger) => _logger = logger;

    public void Sync(IEnumerable<AppUser> users, MaskedUser masked, UserCreated created, SessionStarted session)
    {
        foreach (var user in users)
        {
            _logger.LogDebug("Syncing {UserId} {UserName}", user.Id, user.UserName);
            _logger.LogDebug("Syncing {Email}", user.Email); // expect: SL1003
            _logger.LogDebug("Syncing phone {Phone}", user.PhoneNumber); // expect: SL1003
            _logger.LogDebug("Syncing stamp {Stamp}", user.ConcurrencyStamp);
            _logger.LogDebug("Two factor enabled {Enabled}", user.TwoFactorEnabled);
            _logger.LogDebug("Lockout end {LockoutEnd}", user.LockoutEnd);
        }

        _logger.LogInformation("Masked {@User}", masked);
        _logger.LogInformation("Password strength {Strength}", masked.PasswordStrength);
        _logger.LogInformation("Created {Created}", created); // expect: SL1003
        _logger.LogInformation("Created {UserId}", created.UserId);
        _logger.LogInformation("Session {Session}", session); // expect: SL1004
        _logger.LogInformation("Session {SessionId} for {UserName}", session.SessionId, session.UserName);
        _logger.LogDebug("Session token {Token}", session.SessionToken); // expect: SL1001
    }

    public void Audit(ILogger logger, AppUser actor, AppUser target, string role)
    {
        logger.LogRoleGranted(actor.Id, target.Id, role);
        logger.LogLoginFailed(target.Email, "locked");
        logger.LogLoginFailed(target.UserName, $"wrong password {target.PasswordHash}"); // expect: SL1001
        logger.LogApiKeyCreated(actor.Id, Guid.NewGuid().ToString());
        logger.LogSecurityEvent(new SecurityEvent("account.updated") { UserId = target.Id, UserName = target.Email, Reason = "profile" });
    }
}
