using System.Security;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Shapes.Auditing;
using Shapes.Events;

namespace Shapes.Authorization;

public static class DocumentOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Update = new() { Name = nameof(Update) };
    public static readonly OperationAuthorizationRequirement Delete = new() { Name = nameof(Delete) };
}

// Resource-based authorization as the ASP.NET Core docs write it (Razor Pages and MVC), with and without events.
public class EditDocumentModel : PageModel
{
    private readonly IAuthorizationService _authorizationService;
    private readonly IDocumentRepository _documents;
    private readonly ILogger<EditDocumentModel> _logger;

    public EditDocumentModel(IAuthorizationService authorizationService, IDocumentRepository documents, ILogger<EditDocumentModel> logger)
    {
        _authorizationService = authorizationService;
        _documents = documents;
        _logger = logger;
    }

    public Document? Document { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Document = await _documents.FindAsync(id);
        if (Document == null)
        {
            return NotFound();
        }

        var isAuthorized = await _authorizationService.AuthorizeAsync(User, Document, DocumentOperations.Update);
        if (!isAuthorized.Succeeded)
        {
            return Forbid(); // expect: SL2003
        }

        return Page();
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id)
    {
        Document = await _documents.FindAsync(id);
        if (Document?.OwnerId != User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return StatusCode(StatusCodes.Status403Forbidden); // expect: SL2003
        }

        return RedirectToPage("./Index");
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Document = await _documents.FindAsync(id);
        if (Document == null)
        {
            return NotFound();
        }

        var authorizationResult = await _authorizationService.AuthorizeAsync(User, Document, DocumentOperations.Update);
        if (!authorizationResult.Succeeded)
        {
            _logger.LogAccessDenied(User.FindFirstValue(ClaimTypes.NameIdentifier), "document:" + id, "update", "policy:Update");
            return Forbid();
        }

        return RedirectToPage("./Index");
    }
}

[ApiController]
[Route("api/documents")]
public class DocumentsController : ControllerBase
{
    private readonly IAuthorizationService _authorization;
    private readonly IDocumentRepository _documents;
    private readonly ISecurityAuditor _auditor;
    private readonly ILogger<DocumentsController> _logger;

    public DocumentsController(IAuthorizationService authorization, IDocumentRepository documents, ISecurityAuditor auditor, ILogger<DocumentsController> logger)
    {
        _authorization = authorization;
        _documents = documents;
        _auditor = auditor;
        _logger = logger;
    }

    [HttpGet("{id:int}")]
    public async Task<ActionResult<Document>> Get(int id)
    {
        var document = await _documents.FindAsync(id);
        if (document is null)
        {
            return NotFound();
        }

        var result = await _authorization.AuthorizeAsync(User, document, DocumentOperations.Read);
        return result.Succeeded ? document : Forbid(); // expect: SL2003
    }

    [HttpPut("{id:int}")]
    public async Task<IActionResult> Put(int id, Document update)
    {
        var document = await _documents.FindAsync(id);
        if (document is null)
        {
            return NotFound();
        }

        if (!(await _authorization.AuthorizeAsync(User, document, DocumentOperations.Update)).Succeeded)
        {
            // Interface-dispatched audit service: the implementation in this compilation emits.
            _auditor.Denied(User, "document:" + id, "update");
            return StatusCode(StatusCodes.Status403Forbidden, new ProblemDetails { Title = "Forbidden" });
        }

        document.Title = update.Title;
        return NoContent();
    }

    [HttpDelete("{id:int}")]
    public async Task<IActionResult> Delete(int id)
    {
        var document = await _documents.FindAsync(id);
        if (document is null)
        {
            return NotFound();
        }

        if (document.OwnerId != User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return StatusCode(StatusCodes.Status403Forbidden, new ProblemDetails { Title = "Not the owner" }); // expect: SL2003
        }

        await _documents.DeleteManyAsync(new[] { id });
        return NoContent();
    }

    [HttpPost("{id:int}/share")]
    public async Task<IActionResult> Share(int id)
    {
        var document = await _documents.FindAsync(id);
        var result = await _authorization.AuthorizeAsync(User, document, "CanShare");
        if (result.Succeeded)
        {
            return Ok();
        }

        // An EventId field named with the OWASP vocabulary makes this log call the event.
        _logger.LogWarning(SecurityEventIds.AccessDenied, "Share of {Id} denied: {Reasons}", id, result.Failure?.FailureReasons.Select(r => r.Message));
        return Forbid();
    }

    [HttpPost("{id:int}/archive")]
    public async Task<IActionResult> Archive(int id)
    {
        var document = await _documents.FindAsync(id);
        var result = await _authorization.AuthorizeAsync(User, document, "CanArchive");
        if (!result.Succeeded)
        {
            // A named EventId that is not a vocabulary name: plain logging.
            _logger.LogWarning(SecurityEventIds.Forbidden, "Archive of {Id} denied", id);
            return Forbid(); // expect: SL2003
        }

        return Ok();
    }

    [HttpGet("{id:int}/raw")]
    public IActionResult Raw(int id)
    {
        // 401 is an authentication failure, not a denial.
        if (User.Identity?.IsAuthenticated != true)
        {
            return Unauthorized();
        }

        return Ok(id);
    }
}

// Services: the denial is an exception.
public class DocumentService
{
    private readonly IAuthorizationService _authorizationService;
    private readonly IHttpContextAccessor _http;
    private readonly ILogger<DocumentService> _logger;

    public DocumentService(IAuthorizationService authorizationService, IHttpContextAccessor http, ILogger<DocumentService> logger)
    {
        _authorizationService = authorizationService;
        _http = http;
        _logger = logger;
    }

    private ClaimsPrincipal User => _http.HttpContext?.User ?? new ClaimsPrincipal();

    public async Task<Document> RenameAsync(Document document, string title)
    {
        var result = await _authorizationService.AuthorizeAsync(User, document, DocumentOperations.Update);
        if (!result.Succeeded)
        {
            throw new UnauthorizedAccessException($"User may not rename document {document.Id}."); // expect: SL2003
        }

        document.Title = title;
        return document;
    }

    public async Task DeleteAsync(Document document)
    {
        var result = await _authorizationService.AuthorizeAsync(User, document, DocumentOperations.Delete);
        if (!result.Succeeded)
        {
            _logger.LogAccessDenied(User.FindFirstValue(ClaimTypes.NameIdentifier), "document:" + document.Id, "delete", "policy:Delete");
            throw new UnauthorizedAccessException("Forbidden");
        }
    }

    // A guard clause through a helper that throws: the helper's throw is the denial (reported there, once).
    public async Task PublishAsync(Document document)
    {
        var result = await _authorizationService.AuthorizeAsync(User, document, "Publisher");
        EnsureAuthorized(result.Succeeded, "publish");
    }

    private static void EnsureAuthorized(bool allowed, string action)
    {
        if (!allowed)
        {
            throw new SecurityException("Not allowed to " + action); // expect: SL2003
        }
    }

    public void CheckTenant(Document document, string tenantId)
    {
        try
        {
            if (document.OwnerId != tenantId)
            {
                throw new UnauthorizedAccessException("Cross-tenant access"); // expect: SL2003
            }
        }
        catch (ArgumentException)
        {
            throw;
        }
    }
}

// Minimal APIs with IAuthorizationService.
public static class DocumentEndpoints
{
    public static void MapDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/{id:int}", async (int id, ClaimsPrincipal user, IAuthorizationService authz, IDocumentRepository documents) =>
        {
            var document = await documents.FindAsync(id);
            if (document is null)
            {
                return Results.NotFound();
            }

            if (!(await authz.AuthorizeAsync(user, document, DocumentOperations.Read)).Succeeded)
            {
                return Results.Forbid(); // expect: SL2003
            }

            return Results.Ok(document);
        });

        app.MapDelete("/documents/{id:int}", async (int id, ClaimsPrincipal user, IAuthorizationService authz, IDocumentRepository documents, ISecurityAuditor auditor) =>
        {
            var document = await documents.FindAsync(id);
            var result = await authz.AuthorizeAsync(user, document, DocumentOperations.Delete);
            if (!result.Succeeded)
            {
                auditor.Denied(user, "document:" + id, "delete");
                return Results.Forbid();
            }

            await documents.DeleteManyAsync(new[] { id });
            return Results.NoContent();
        });

        app.MapPut("/documents/{id:int}/owner", async (int id, ClaimsPrincipal user, IAuthorizationService authz) =>
        {
            var result = await authz.AuthorizeAsync(user, id, "Owner");
            return result.Succeeded ? Results.NoContent() : TypedResults.StatusCode(StatusCodes.Status403Forbidden); // expect: SL2003
        });

        app.MapPost("/documents/{id:int}/lock", async (int id, ClaimsPrincipal user, IAuthorizationService authz) => // a failure that ends in no denial at all
        {
            var result = await authz.AuthorizeAsync(user, id, "Locker"); // expect: SL2003
            if (!result.Succeeded)
            {
                return Results.NotFound();
            }

            return Results.Ok();
        });
    }
}

// An MVC authorization filter: the denial is a ForbidResult assigned to the context.
public sealed class TenantAuthorizationFilter : IAsyncAuthorizationFilter
{
    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var tenant = context.HttpContext.Request.Headers["X-Tenant"].ToString();
        if (!context.HttpContext.User.HasClaim("tenant", tenant))
        {
            context.Result = new ForbidResult(); // expect: SL2003
        }

        return Task.CompletedTask;
    }
}

public sealed class AuditedTenantFilter(ILogger<AuditedTenantFilter> logger) : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var tenant = context.HttpContext.Request.Headers["X-Tenant"].ToString();
        if (!context.HttpContext.User.HasClaim("tenant", tenant))
        {
            logger.LogAccessDenied(context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier), "tenant:" + tenant, context.HttpContext.Request.Method, "tenant_mismatch");
            context.Result = new ForbidResult();
        }
    }
}

// Denials SPEC §6 does not list: ProblemDetails with 403 and an ObjectResult whose status is set afterwards. Quiet.
public class LegacyController : Controller
{
    public IActionResult Problem403() => Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public IActionResult Object403() => new ObjectResult(new { error = "forbidden" }) { StatusCode = 403 };
}
