using Microsoft.AspNetCore.Mvc;
using SecureLogging;
using SecureShop.Models;
using SecureShop.Services;

namespace SecureShop.Controllers;

[ApiController]
[Route("payments")]
public sealed class PaymentsController : ControllerBase
{
    private readonly PaymentService _payments;
    private readonly ILogger<PaymentsController> _logger;

    public PaymentsController(PaymentService payments, ILogger<PaymentsController> logger)
    {
        _payments = payments;
        _logger = logger;
    }

    [HttpPost("checkout")]
    public async Task<IActionResult> Checkout(CheckoutRequest request)
    {
        _logger.LogInformation("Charging card {CardNumber} for {Amount}", Redact.CardNumber(request.CardNumber), request.Amount);
        _logger.LogInformation("Receipt goes to {Email}", Redact.Email(request.Email));

        var coupon = Request.Query["coupon"].ToString();
        _logger.LogInformation("Coupon code {Coupon} applied", coupon);

        var ok = await _payments.ChargeAsync(request.CardNumber, request.Amount);
        return ok ? Ok() : BadRequest();
    }
}
