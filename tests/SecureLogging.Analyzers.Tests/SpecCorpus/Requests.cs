// Spec corpus: SL3001 from each request source and from model-bound action parameters, and the values that cannot
// forge a line (numbers, booleans, dates, enums, Guids) or that go in as template arguments.
using System;
using System.IO;
using System.Threading.Tasks;
using Contoso.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace Contoso.Web;

[ApiController]
[Route("api/search")]
public sealed class SearchController : ControllerBase
{
    private readonly ILogger<SearchController> _logger;

    public SearchController(ILogger<SearchController> logger) => _logger = logger;

    [HttpGet]
    public IActionResult Search(string q, int page, Guid tenantId, SortOrder order, DateTime since, bool exact, [FromHeader(Name = "X-Client")] string client)
    {
        _logger.LogInformation("Search for " + q); // expect: SL3001
        _logger.LogInformation($"Search for {q} on page {page}"); // expect: SL3001
        _logger.LogInformation($"Tenant {tenantId} order {order} since {since} exact {exact} page {page}");
        _logger.LogInformation("Search for {Query} on page {Page}", q, page);
        _logger.LogInformation("Client " + client); // expect: SL3001
        return Ok();
    }

    [HttpPost("filter")]
    public IActionResult Filter([FromBody] SearchFilter filter, [FromQuery] string sort)
    {
        _logger.LogInformation("Filter " + filter.Term + " page " + filter.Page); // expect: SL3001
        _logger.LogWarning($"Sort {sort}"); // expect: SL3001
        _logger.LogInformation("Filter {Term}", filter.Term);
        return Ok();
    }

    [HttpGet("raw")]
    public async Task<IActionResult> Raw()
    {
        _logger.LogInformation("Query string " + Request.QueryString); // expect: SL3001
        _logger.LogInformation("q=" + Request.Query["q"]); // expect: SL3001
        _logger.LogInformation($"Agent {Request.Headers.UserAgent}"); // expect: SL3001
        _logger.LogInformation($"Referer {Request.Headers["Referer"]}"); // expect: SL3001
        _logger.LogInformation("Path " + Request.Path); // expect: SL3001
        _logger.LogInformation($"Theme {Request.Cookies["theme"]}"); // expect: SL3001, SL1001
        _logger.LogInformation($"Host {Request.Host} method {Request.Method}"); // expect: SL3001
        _logger.LogInformation($"Length {Request.ContentLength} secure {Request.IsHttps}");
        using var reader = new StreamReader(Request.Body);
        var body = await reader.ReadToEndAsync();
        _logger.LogDebug("Body: " + body); // expect: SL3001
        var form = await Request.ReadFormAsync();
        _logger.LogDebug($"Comment {form["comment"]}"); // expect: SL3001
        var name = Request.Query["name"].ToString();
        _logger.LogInformation("Hello " + name); // expect: SL3001
        Console.WriteLine("Search " + Request.Query["q"]); // expect: SL3001
        return Ok();
    }

    [HttpGet("{id}")]
    public IActionResult Get(int id, [FromRoute] string slug)
    {
        _logger.LogInformation("Get " + id);
        _logger.LogInformation("Slug " + slug); // expect: SL3001
        return Ok();
    }

    private void Helper(string text) => _logger.LogInformation("Helper " + text);
}

public sealed class ContactModel : PageModel
{
    private readonly ILogger<ContactModel> _logger;

    public ContactModel(ILogger<ContactModel> logger) => _logger = logger;

    public IActionResult OnPost(string subject, int topic)
    {
        _logger.LogInformation($"Contact form: {subject} ({topic})"); // expect: SL3001
        return Page();
    }
}

public static class MinimalEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/hello", (string name, int times, ILogger<SearchController> logger) =>
        {
            logger.LogInformation("Hello " + name + " x" + times); // expect: SL3001
            return Results.Ok();
        });
        app.MapPost("/echo", async (HttpContext context, ILogger<SearchController> logger) =>
        {
            var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
            logger.LogInformation($"Echo {text}"); // expect: SL3001
            logger.LogInformation($"From {context.Request.Headers["X-Forwarded-For"]}"); // expect: SL3001
            return Results.Ok();
        });
    }
}
