using System.Text;
using Shapes.Auditing;

namespace Shapes.Sensitive;

[ApiController]
[Route("api/admin")]
public class AdminDataController : ControllerBase
{
    private readonly UserManager<ApplicationUser> _users;
    private readonly IDocumentRepository _documents;
    private readonly ISecurityAuditor _auditor;
    private readonly IActivityLog _activity;
    private readonly ILogger<AdminDataController> _logger;

    public AdminDataController(UserManager<ApplicationUser> users, IDocumentRepository documents, ISecurityAuditor auditor, IActivityLog activity, ILogger<AdminDataController> logger)
    {
        _users = users;
        _documents = documents;
        _auditor = auditor;
        _activity = activity;
        _logger = logger;
    }

    private string ActorId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    [HttpGet("users.csv")]
    public IActionResult ExportUsersCsv() // expect: SL2005
    {
        var csv = new StringBuilder("id,email\n");
        foreach (var user in _users.Users)
        {
            csv.Append(user.Id).Append(',').Append(user.Email).Append('\n');
        }

        _logger.LogInformation("Exported users");
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", "users.csv");
    }

    [HttpGet("documents.json")]
    public async Task<IActionResult> ExportDocumentsAsync()
    {
        var rows = await Task.FromResult(_documents.Query().ToList());
        _auditor.Exported(ActorId, "documents", rows.Count);
        return Ok(rows);
    }

    [HttpDelete("orders")]
    public async Task<IActionResult> BulkDeleteOrders([FromBody] int[] ids) // expect: SL2005
    {
        await _documents.DeleteManyAsync(ids);
        _activity.Note($"Deleted {ids.Length} orders");
        return NoContent();
    }

    [HttpDelete("logs")]
    public IActionResult PurgeLogs(DateTimeOffset before)
    {
        var removed = 12;
        _logger.LogBulkDeleted(ActorId, "logs:before:" + before.ToString("O"), removed);
        return Ok(removed);
    }

    [HttpPost("api-keys")]
    public async Task<ActionResult<string>> CreateApiKey([FromServices] IApiKeyStore keys) // expect: SL2005
    {
        var record = await keys.CreateAsync(ActorId, HttpContext.RequestAborted);
        return Ok(record.Id);
    }

    [HttpPost("api-keys/{id}/rotate")]
    public async Task<IActionResult> RotateApiKeyAsync(string id, [FromServices] IApiKeyStore keys)
    {
        await keys.RevokeAsync(id, HttpContext.RequestAborted);
        var created = await keys.CreateAsync(ActorId, HttpContext.RequestAborted);
        _logger.LogApiKeyRevoked(ActorId, id);
        _logger.LogApiKeyCreated(ActorId, created.Id);
        return Ok(created.Id);
    }

    // Not actions: SPEC §6 names public actions only.
    [NonAction]
    public IActionResult ExportHelper() => Ok();

    protected IActionResult ExportInternal() => Ok();

    private Task PurgeCacheAsync() => Task.CompletedTask;

    public Task Warmup() => PurgeCacheAsync();
}

// Razor Pages handlers: the action name is the handler name after On{Verb}.
public class MaintenanceModel : PageModel
{
    private readonly ComplianceJournal _journal;

    public MaintenanceModel(ComplianceJournal journal) => _journal = journal;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPurgeLogsAsync() // expect: SL2005
    {
        await Task.Delay(1);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAllSessionsAsync()
    {
        await _journal.WriteEntryAsync(User.Identity?.Name ?? "", "data.bulk_deleted", "sessions");
        return RedirectToPage();
    }

    public IActionResult OnGetExportAuditTrail() => File(Array.Empty<byte>(), "text/csv"); // expect: SL2005
}

// Minimal APIs: method groups are the handlers and are reported at their names; lambdas have no name.
public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin").RequireAuthorization("Admin");
        group.MapPost("/api-keys", CreateApiKeyAsync);
        group.MapPost("/api-keys/{id}/rotate", ApiKeyHandlers.RotateApiKeyAsync);
        group.MapDelete("/api-keys/{id}", ApiKeyHandlers.RevokeApiKeyAsync);
        group.MapGet("/export/orders", ExportOrders);
        group.MapPost("/reports/run", (ClaimsPrincipal user) => Results.Ok());
    }

    private static async Task<IResult> CreateApiKeyAsync(ClaimsPrincipal user, IApiKeyStore keys, CancellationToken cancellationToken) // expect: SL2005
    {
        var record = await keys.CreateAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        return Results.Ok(new { record.Id });
    }

    private static IResult ExportOrders(ClaimsPrincipal user, ISecurityAuditor auditor)
    {
        auditor.Exported(user.Identity?.Name ?? "", "orders", 10);
        return Results.Ok();
    }
}

public static class ApiKeyHandlers
{
    public static async Task<IResult> RotateApiKeyAsync(string id, ClaimsPrincipal user, IApiKeyStore keys, CancellationToken cancellationToken) // expect: SL2005
    {
        await keys.RevokeAsync(id, cancellationToken);
        var created = await keys.CreateAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        return Results.Ok(new { created.Id });
    }

    public static async Task<IResult> RevokeApiKeyAsync(string id, ClaimsPrincipal user, IApiKeyStore keys, ILogger<IApiKeyStore> logger, CancellationToken cancellationToken)
    {
        await keys.RevokeAsync(id, cancellationToken);
        logger.LogApiKeyRevoked(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", id);
        return Results.NoContent();
    }
}

// [SecuritySensitive] on service methods.
public interface ITenantAdministration
{
    Task DeleteTenantAsync(string actor, string tenantId);
}

public sealed class TenantAdministration : ITenantAdministration
{
    private readonly ISecurityAuditor _auditor;
    private readonly IAuditStore _store;
    private readonly ILogger<TenantAdministration> _logger;

    public TenantAdministration(ISecurityAuditor auditor, IAuditStore store, ILogger<TenantAdministration> logger)
    {
        _auditor = auditor;
        _store = store;
        _logger = logger;
    }

    [SecuritySensitive("data.bulk_deleted")]
    public async Task DeleteTenantAsync(string actor, string tenantId) // expect: SL2005
    {
        await Task.Delay(1);
        _logger.LogWarning("Tenant {Tenant} deleted by {Actor}", tenantId, actor);
    }

    [SecuritySensitive("configuration.changed")]
    public Task ChangeRetentionAsync(string actor, int days)
        => _store.AppendAsync("configuration.changed", actor, "retention=" + days);

    [SecuritySensitive("data.exported")]
    public byte[] ExportTenant(string actor, string tenantId)
    {
        var bytes = Encoding.UTF8.GetBytes(tenantId);
        Record(actor, tenantId, bytes.Length);
        return bytes;
    }

    private void Record(string actor, string tenantId, long size) => Forward(actor, "tenant:" + tenantId, size);

    private void Forward(string actor, string dataset, long size) => _auditor.Exported(actor, dataset, size);

    // Name alone does not make a service method sensitive.
    public Task ExportToBlobAsync(string tenantId) => Task.CompletedTask;
}
