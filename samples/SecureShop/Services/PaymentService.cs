using SecureLogging;

namespace SecureShop.Services;

public sealed class PaymentService
{
    private readonly ILogger<PaymentService> _logger;

    public PaymentService(ILogger<PaymentService> logger)
    {
        _logger = logger;
    }

    public Task<bool> ChargeAsync(string cardNumber, decimal amount)
    {
        if (amount <= 0)
        {
            throw new ArgumentException($"Cannot charge {amount}: the amount must be positive");
        }

        _logger.LogDebug("Charged {Amount} to {CardNumber}", amount, Redact.CardNumber(cardNumber));
        return Task.FromResult(true);
    }
}
