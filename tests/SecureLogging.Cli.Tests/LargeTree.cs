using System.Globalization;

namespace SecureLogging.Cli.Tests;

/// <summary>
/// A generated tree of ordinary ASP.NET Core-style services (logging, LINQ, async, records), one SL4002 violation every
/// 50th file so the scan's result can be checked, not only its speed.
/// </summary>
internal static class LargeTree
{
    public static int ViolationsIn(int files) => (files + 49) / 50;

    public static void Generate(string root, int files)
    {
        for (var i = 0; i < files; i++)
        {
            var folder = Path.Combine(root, "Module" + (i / 100).ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"Service{i}.cs"), Source(i));
        }
    }

    private static string Source(int i)
    {
        var violation = i % 50 == 0 ? "        Microsoft.IdentityModel.Logging.IdentityModelEventSource.ShowPII = true;\n" : string.Empty;
        return $$"""
            using Microsoft.AspNetCore.Mvc;

            namespace Shop.Module{{i / 100}};

            public sealed record Order{{i}}(int Id, string Customer, decimal Total, DateTimeOffset PlacedAt);

            public interface IOrderStore{{i}}
            {
                Task<IReadOnlyList<Order{{i}}>> FindAsync(string customer, CancellationToken cancellationToken);
            }

            [ApiController]
            [Route("api/orders{{i}}")]
            public sealed class OrdersController{{i}} : ControllerBase
            {
                private readonly ILogger<OrdersController{{i}}> _logger;
                private readonly IOrderStore{{i}} _store;

                public OrdersController{{i}}(ILogger<OrdersController{{i}}> logger, IOrderStore{{i}} store)
                {
                    _logger = logger;
                    _store = store;
                }

                [HttpGet("{customer}")]
                public async Task<IActionResult> Get(string customer, CancellationToken cancellationToken)
                {
                    var orders = await _store.FindAsync(customer, cancellationToken);
                    var total = orders.Where(o => o.Total > 0).Sum(o => o.Total);
                    _logger.LogInformation("Found {Count} orders totalling {Total}", orders.Count, total);
                    if (orders.Count == 0)
                    {
                        _logger.LogWarning("No orders for request {RequestId}", HttpContext.TraceIdentifier);
                        return NotFound();
                    }

                    return Ok(orders.OrderByDescending(o => o.PlacedAt).Select(o => new { o.Id, o.Total }).ToList());
                }

                [HttpPost]
                public IActionResult Create(Order{{i}} order)
                {
                    if (order.Total <= 0)
                    {
                        _logger.LogError("Rejected order {OrderId}: total {Total}", order.Id, order.Total);
                        return BadRequest();
                    }

                    Configure();
                    return CreatedAtAction(nameof(Get), new { customer = order.Customer }, order);
                }

                private static void Configure()
                {
            {{violation}}        var limits = Enumerable.Range(0, 10).Select(n => n * {{i}}).ToDictionary(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    _ = limits.Count;
                }
            }
            """;
    }
}
