using InsecureShop.Models;
using InsecureShop.Services;
using Microsoft.AspNetCore.Mvc;

namespace InsecureShop.Controllers;

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
        _logger.LogInformation("Charging card {CardNumber} (CVV {Cvv}) for {Amount}", request.CardNumber, request.Cvv, request.Amount); // SL1002 ×2
        _logger.LogInformation("Receipt goes to {Email}", request.Email);  // SL1003

        var search = Request.Query["coupon"].ToString();
        _logger.LogInformation($"Coupon code {search} applied");          // SL3001

        var ok = await _payments.ChargeAsync(request.CardNumber, request.Amount);
        return ok ? Ok() : BadRequest();
    }
}
