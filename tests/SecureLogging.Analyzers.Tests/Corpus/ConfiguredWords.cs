// Corpus: names that are sensitive (or not) only because of the word lists in corpus.editorconfig.
using System;
using Microsoft.Extensions.Logging;
using Shop.Models;

namespace Shop.Loyalty;

public sealed class LoyaltyAccount
{
    public Guid Id { get; set; }
    public string LoyaltyNumber { get; set; } = "";
    public string GiftCardNumber { get; set; } = "";
    public string MailingAddress { get; set; } = "";
    public string ShippingAddress { get; set; } = "";
    public int Points { get; set; }
}

public sealed class LoyaltyService
{
    private readonly ILogger<LoyaltyService> _logger;

    public LoyaltyService(ILogger<LoyaltyService> logger) => _logger = logger;

    public void Enroll(LoyaltyAccount account, string licenseKey, string licenseKeyId, string webhookSignature, string signatureAlgorithm)
    {
        _logger.LogInformation("Enrolled {AccountId} with {Points} points", account.Id, account.Points);
        _logger.LogInformation("Enrolled loyalty number {LoyaltyNumber}", account.LoyaltyNumber); // expect: SL1003
        _logger.LogInformation("Enrolled gift card {Value}", account.GiftCardNumber); // expect: SL1002
        _logger.LogInformation("Catalogue goes to {MailingAddress}", account.MailingAddress);
        _logger.LogInformation("Parcels go to {ShippingAddress}", account.ShippingAddress); // expect: SL1003
        _logger.LogDebug("Licensed with {LicenseKey}", licenseKey); // expect: SL1001
        _logger.LogDebug("Licensed with key {LicenseKeyId}", licenseKeyId);
        _logger.LogDebug("Webhook signed {Value} using {Algorithm}", webhookSignature, signatureAlgorithm); // expect: SL1001
        _logger.LogDebug("Account {@Account}", account); // expect: SL1004
    }
}
