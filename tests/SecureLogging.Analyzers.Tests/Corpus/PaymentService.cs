using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Serilog;
using Serilog.Context;
using SecureLogging;
using Shop.Models;

namespace Shop.Payments;

public sealed class PaymentService
{
    private static readonly ILogger Log = Serilog.Log.ForContext<PaymentService>();

    public async Task<PaymentResult> ChargeAsync(PaymentRequest request, Customer customer, CancellationToken ct)
    {
        using var _ = LogContext.PushProperty("OrderId", request.OrderId);
        using var __ = LogContext.PushProperty("CustomerEmail", customer.Email); // expect: SL1003
        Log.Information("Charging {Amount} {Currency} for order {OrderId}", request.Amount, request.Currency, request.OrderId);
        Log.Information("Charging card {CardNumber}", request.CardNumber); // expect: SL1002
        Log.Debug("Card security code {Cvv}", request.Cvv); // expect: SL1002
        Log.Debug("Card expires {Month}/{Year}", request.ExpiryMonth, request.ExpiryYear);
        Log.Debug("Cardholder {Name}", request.CardholderName);
        Log.Debug("Payment request {@Request}", request); // expect: SL1004
        Log.Debug("Payment request {Request}", request);
        Log.Information("Customer {CustomerId} ({CustomerNumber}) from {Country}", customer.Id, customer.CustomerNumber, customer.Country);
        Log.Information("Customer {@Customer}", customer); // expect: SL1003
        Log.Information("Customer address {Address}", customer.Address);
        Log.Information("Billing to {BillingAddress}", customer.BillingAddress); // expect: SL1003
        Log.Information("Customer has {OrderCount} orders", customer.OrderCount);
        Log.Information("Masked card {Card}", Redact.CardNumber(request.CardNumber));

        var last4 = request.CardNumber.Substring(request.CardNumber.Length - 4);
        Log.Information("Charging card ending {Last4}", last4); // expect: SL1002
        var result = await SendToGatewayAsync(request, ct);
        Log.Information("Gateway answered {Status} for {TransactionId}", result.Status, result.TransactionId);
        Log.Information("Charged {CardType} ending {Last4}", result.CardType, result.CardLast4);
        Log.Information("Payment result {@Result}", result);
        Log.ForContext("TransactionId", result.TransactionId).Information("Payment completed");
        Log.ForContext("Payment", request, destructureObjects: true).Debug("Payment details"); // expect: SL1004
        return result;
    }

    public void Refund(RefundRequested refund, BankTransfer transfer)
    {
        Log.Information("Refund requested {@Refund}", refund); // expect: SL1004
        Log.Information("Refund of {Amount} for {OrderId}", refund.Amount, refund.OrderId);
        Log.Information("Refund {Refund}", refund); // expect: SL1004
        Log.Information("Refund to {Iban}", transfer.Iban); // expect: SL1002
        Log.Information("Refund to {Bic} ref {Reference}", transfer.Bic, transfer.Reference);
        Log.Information("Refund to account {Account} routing {Routing}", transfer.AccountNumber, transfer.RoutingNumber); // expect: SL1002, SL1002
        Log.Warning($"Refund of {transfer.Amount} to {transfer.Iban} failed"); // expect: SL1002
        Log.Warning("Refund to " + transfer.Reference + " failed");
    }

    public void Invoice(InvoiceIssued invoice, OrderDto order, CheckoutDto checkout)
    {
        Log.Information("Invoice issued {Invoice}", invoice);
        Log.Information("Order {@Order}", order); // expect: SL1003
        Log.Information("Order {OrderId} is {Status}, total {Total}, {ItemCount} items", order.Id, order.Status, order.Total, order.ItemCount);
        Log.Information("Order customer {CustomerId}", order.Customer.Id);
        Log.Information("Checkout {@Checkout}", checkout); // expect: SL1004
        Log.Information("Checkout for cart {CartId}", checkout.CartId);
        Log.Error("Checkout failed for card {Card}", checkout.Payment.CardNumber); // expect: SL1002
    }

    private static Task<PaymentResult> SendToGatewayAsync(PaymentRequest request, CancellationToken ct)
    {
        Log.Verbose("Sending {Amount} to gateway", request.Amount);
        return Task.FromResult(new PaymentResult { Status = "ok" });
    }
}

public sealed class GatewayClient
{
    private readonly ILogger _log;
    private readonly string _merchantSecret;
    private readonly string _merchantId;

    public GatewayClient(ILogger log, string merchantSecret, string merchantId)
    {
        _log = log.ForContext<GatewayClient>();
        _merchantSecret = merchantSecret;
        _merchantId = merchantId;
    }

    public void Sign(string payload)
    {
        _log.Debug("Signing payload for merchant {MerchantId}", _merchantId);
        _log.Debug("Signing with {Secret}", _merchantSecret); // expect: SL1001
        _log.Debug("Payload size {Size}", payload.Length);
        var signature = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload));
        _log.Debug("Signature {Signature}", signature);
        _log.Debug("Merchant secret configured: {Configured}", !string.IsNullOrEmpty(_merchantSecret));
        _log.Debug("Merchant secret starts with {Prefix}", _merchantSecret.Substring(0, 4)); // expect: SL1001
    }

    public void Tokenize(string cardNumber, string pan, int cvc)
    {
        _log.Information("Tokenizing {Pan}", pan); // expect: SL1002
        _log.Information("Tokenizing card {Card} with cvc {Cvc}", cardNumber, cvc); // expect: SL1002, SL1002
        _log.Information("Tokenizing card {Card}", Redact.CardNumber(cardNumber));
        var panToken = Guid.NewGuid().ToString("N");
        _log.Information("Card tokenized as {PanToken}", panToken); // expect: SL1001
        _log.Information("Card number length {CardNumberLength}", cardNumber.Length);
    }

    public void Batch(IReadOnlyList<PaymentRequest> payments)
    {
        _log.Information("Settling {Count} payments", payments.Count);
        _log.Debug("Settling {@Payments}", payments); // expect: SL1004
        foreach (var payment in payments)
        {
            _log.Debug("Settling {OrderId} {Amount}", payment.OrderId, payment.Amount);
        }
    }
}
