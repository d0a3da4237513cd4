using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SecureLogging;
using Shop.Models;

namespace Shop.Orders;

[ApiController]
[Route("api/orders")]
public sealed class OrdersController : ControllerBase
{
    private readonly ILogger<OrdersController> _logger;
    private readonly OrderRepository _orders;

    public OrdersController(ILogger<OrdersController> logger, OrderRepository orders)
    {
        _logger = logger;
        _orders = orders;
    }

    [HttpGet]
    public IActionResult Search([FromQuery] string? q, [FromQuery] int page, [FromQuery] string? sort, [FromQuery] OrderStatus? status)
    {
        _logger.LogInformation("Searching orders for " + q); // expect: SL3001
        _logger.LogInformation($"Searching orders page {page}");
        _logger.LogInformation("Searching orders for {Query} sorted by {Sort}", q, sort);
        _logger.LogDebug($"Sort {sort} requested"); // expect: SL3001
        _logger.LogDebug($"Status filter {status}");
        _logger.LogDebug("Page " + page + " of results");
        return Ok(_orders.Search(q, page));
    }

    [HttpGet("{id:guid}")]
    public IActionResult Get(Guid id, [FromHeader(Name = "X-Tenant")] string tenant)
    {
        _logger.LogInformation($"Loading order {id}");
        _logger.LogInformation($"Loading order {id} for tenant {tenant}"); // expect: SL3001
        _logger.LogInformation("Loading order {OrderId} for tenant {Tenant}", id, tenant);
        var order = _orders.Find(id);
        if (order is null)
        {
            _logger.LogWarning("Order {OrderId} not found", id);
            return NotFound();
        }

        _logger.LogInformation("Order {OrderId} is {Status} with {LineCount} lines", order.Id, order.Status, order.Lines.Count);
        _logger.LogDebug("Order {@Order}", order); // expect: SL1003
        _logger.LogDebug("Order for {CustomerEmail}", order.CustomerEmail); // expect: SL1003
        _logger.LogDebug("Order lines {@Lines}", order.Lines);
        return Ok(order);
    }

    [HttpPost]
    public IActionResult Create([FromBody] CreateOrderRequest request)
    {
        _logger.LogInformation("Creating order with note " + request.Note); // expect: SL3001
        _logger.LogInformation($"Creating order for {request.Quantity} x {request.ProductId}");
        _logger.LogInformation($"Coupon {request.CouponCode} applied"); // expect: SL3001
        _logger.LogInformation("Coupon {CouponCode} applied", request.CouponCode);
        _logger.LogInformation("Shipping {Shipping}", request.Shipping); // expect: SL1003
        _logger.LogInformation("Shipping to {City}, {Country}", request.Shipping?.City, request.Shipping?.Country);
        _logger.LogInformation("Shipping address {Address}", request.Shipping?.ShippingAddress); // expect: SL1003
        _logger.LogInformation("Recipient {RecipientName}", request.Shipping?.RecipientName);
        _logger.LogDebug("Request {@Request}", request); // expect: SL1003
        return Accepted();
    }

    [HttpPost("{id:guid}/cancel")]
    public IActionResult Cancel(Guid id, [FromForm] string reason, [FromServices] TimeProvider clock)
    {
        _logger.LogWarning("Cancelling " + id + ": " + reason); // expect: SL3001
        _logger.LogWarning("Cancelling {OrderId}: {Reason}", id, reason);
        _logger.LogWarning($"Cancelled at {clock.GetUtcNow()}");
        _logger.LogDebug($"Client {Request.Headers.UserAgent} cancelled {id}"); // expect: SL3001
        _logger.LogDebug("Referer: " + Request.Headers["Referer"]); // expect: SL3001
        _logger.LogDebug($"Path {Request.Path}"); // expect: SL3001
        _logger.LogDebug("Query " + Request.QueryString); // expect: SL3001
        _logger.LogDebug($"Tenant {Request.Query["tenant"]}"); // expect: SL3001
        _logger.LogDebug($"Content length {Request.ContentLength}");
        _logger.LogDebug($"Is https {Request.IsHttps}");
        _logger.LogDebug("Auth: " + Request.Headers["Authorization"]); // expect: SL1001, SL3001
        _logger.LogDebug("Cookie header {Cookie}", Request.Headers.Cookie); // expect: SL1001
        _logger.LogDebug("Theme cookie {Theme}", Request.Cookies["theme"]); // expect: SL1001
        _logger.LogDebug("Request headers {@Headers}", Request.Headers); // expect: SL1004
        _logger.LogDebug("Request header count {Count}", Request.Headers.Count);
        var searchTerm = Request.Query["term"].ToString();
        _logger.LogDebug("Term " + searchTerm); // expect: SL3001
        return NoContent();
    }
}

public sealed class OrderRepository
{
    private readonly ILogger<OrderRepository> _logger;
    private readonly string _connectionString;

    public OrderRepository(ILogger<OrderRepository> logger, IConfiguration configuration)
    {
        _logger = logger;
        _connectionString = configuration.GetConnectionString("Orders") ?? "";
        _logger.LogInformation("Order repository using {ConnectionString}", _connectionString); // expect: SL1001
        var builder = new DbConnectionStringBuilder { ConnectionString = _connectionString };
        _logger.LogInformation("Order database server {Server}", builder["Server"]);
        _logger.LogDebug("Order database password {Password}", builder["Password"]); // expect: SL1001
        _logger.LogDebug("Order database {Db}", builder.ConnectionString); // expect: SL1001
        _logger.LogDebug("Order database has {Count} settings", builder.Count);
        _logger.LogDebug("Timeout {Timeout}", configuration.GetValue<int>("Database:CommandTimeout"));
        _logger.LogDebug("Key vault {Vault}", configuration["KeyVault:Uri"]);
        _logger.LogDebug("Key vault secret name {SecretName}", configuration["KeyVault:SecretName"]);
        _logger.LogDebug("Signing {Value}", configuration["Jwt:Key"]); // expect: SL1001
        _logger.LogDebug("Payment provider {Value}", configuration.GetSection("Payments:Stripe").GetValue<string>("ApiKey")); // expect: SL1001
        _logger.LogDebug("Payment provider mode {Mode}", configuration.GetSection("Payments:Stripe")["Mode"]);
    }

    public IReadOnlyList<Order> Search(string? q, int page)
    {
        _logger.LogDebug("Searching for {Query} on page {Page}", q, page);
        _logger.LogDebug("Searching for " + q);
        return Array.Empty<Order>();
    }

    public Order? Find(Guid id)
    {
        _logger.LogTrace("Find {OrderId}", id);
        return null;
    }

    public void Open(DbConnection connection)
    {
        _logger.LogDebug("Opening {Database} on {DataSource}", connection.Database, connection.DataSource);
        _logger.LogDebug("Opening {ConnectionString}", connection.ConnectionString); // expect: SL1001
        _logger.LogDebug("Opening {Value}", connection.ConnectionString.Split(';')[0]); // expect: SL1001
        _logger.LogDebug("State {State}", connection.State);
    }
}

public static class OrderEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/orders/lookup", (string reference, int page, ILogger<OrderRepository> logger) =>
        {
            logger.LogInformation("Lookup " + reference); // expect: SL3001
            logger.LogInformation("Lookup {Reference} page {Page}", reference, page);
            logger.LogInformation($"Lookup page {page}");
            return Results.Ok();
        });

        app.MapPost("/api/orders/{id:guid}/ship", (Guid id, OrderShipped shipped, HttpContext http, ILogger<OrderRepository> logger) =>
        {
            logger.LogInformation($"Shipping {id} with {shipped.Carrier}"); // expect: SL3001
            logger.LogInformation("Shipped {Shipment}", shipped);
            logger.LogInformation("Shipped {OrderId} by {Carrier} tracking {TrackingNumber}", id, shipped.Carrier, shipped.TrackingNumber);
            logger.LogInformation("Shipped from ip {Ip}", http.Connection.RemoteIpAddress);
            logger.LogDebug("Caller token {Token}", http.Request.Headers.Authorization); // expect: SL1001
            logger.LogDebug("Caller cookies {Cookies}", http.Request.Cookies); // expect: SL1004
            return Results.NoContent();
        });

        app.MapPost("/api/checkout", async (HttpRequest request, ILogger<OrderRepository> logger) =>
        {
            var form = await request.ReadFormAsync();
            logger.LogInformation("Checkout for cart {CartId}", form["cartId"].ToString());
            logger.LogDebug("Checkout card {Card}", form["cardNumber"].ToString()); // expect: SL1002
            logger.LogDebug("Checkout cvv {Value}", form["cvv"].ToString()); // expect: SL1002
            logger.LogDebug("Checkout email {Value}", form["email"].ToString()); // expect: SL1003
            logger.LogDebug("Checkout note " + form["note"]); // expect: SL3001
            var body = await new System.IO.StreamReader(request.Body).ReadToEndAsync();
            logger.LogDebug("Checkout body length {Length}", body.Length);
            return Results.Accepted();
        });
    }
}

public sealed class FulfilmentService
{
    private readonly Serilog.ILogger _log;

    public FulfilmentService(Serilog.ILogger log) => _log = log.ForContext<FulfilmentService>();

    public void Ship(Order order, ShippingInfo shipping, PaymentCaptured captured, CardDetails card)
    {
        _log.Information("Shipping order {OrderId} ({Status})", order.Id, order.Status);
        _log.Information("Shipping order to {@Shipping}", shipping); // expect: SL1003
        _log.Information("Shipping order to {City}", shipping.City);
        _log.Information("Shipping label for {Recipient} at {Street}", shipping.RecipientName, shipping.ShippingAddress); // expect: SL1003
        _log.Information("Payment captured {Captured}", captured); // expect: SL1004
        _log.Information("Payment captured {Amount} for {OrderId}", captured.Amount, captured.OrderId);
        _log.Information("Card expiry {Month}/{Year}", captured.Card.ExpiryMonth, captured.Card.ExpiryYear);
        _log.Information("Card {Card}", card); // expect: SL1004
        _log.Information("Card number {Number}", captured.Card.CardNumber); // expect: SL1002
        _log.Debug("Order {Json}", JsonSerializer.Serialize(order)); // expect: SL1003
        _log.ForContext("OrderId", order.Id).Information("Order shipped");
        _log.ForContext("CustomerEmail", order.CustomerEmail).Information("Order shipped"); // expect: SL1003
        _log.ForContext("ShippingInfo", shipping, destructureObjects: true).Debug("Shipping details"); // expect: SL1003
        _log.Write(Serilog.Events.LogEventLevel.Information, "Total {Total} in {Lines} lines", order.Total, order.Lines.Count);
        _log.Write(Serilog.Events.LogEventLevel.Debug, "Card {Card}", card.CardNumber); // expect: SL1002
    }
}
