namespace InsecureShop.Services;

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
            throw new ArgumentException($"Cannot charge {amount} to card {cardNumber}"); // SL1005
        }

        _logger.LogDebug("Charged {Amount} to {CardNumber}", amount, cardNumber);      // SL1002
        return Task.FromResult(true);
    }
}
