namespace Corpus.Authorization;

public class Invoice
{
    public string Id { get; set; } = "";
    public string OwnerId { get; set; } = "";
}

public class InvoicesController : Controller
{
    private readonly IAuthorizationService _authorization;
    private readonly ILogger<InvoicesController> _logger;

    public InvoicesController(IAuthorizationService authorization, ILogger<InvoicesController> logger)
    {
        _authorization = authorization;
        _logger = logger;
    }

    public async Task<IActionResult> Edit(Invoice invoice)
    {
        var authorizationResult = await _authorization.AuthorizeAsync(User, invoice, "EditPolicy");
        if (authorizationResult.Succeeded)
        {
            return View(invoice);
        }
        else if (User.Identity?.IsAuthenticated == true)
        {
            return new ForbidResult(); // expect: SL2003
        }
        else
        {
            return new ChallengeResult();
        }
    }

    public async Task<IActionResult> Details(Invoice invoice)
    {
        var result = await _authorization.AuthorizeAsync(User, invoice, "ReadPolicy"); // expect: SL2003
        if (!result.Succeeded)
        {
            return NotFound();
        }

        return View(invoice);
    }

    public async Task<IActionResult> Delete(Invoice invoice)
    {
        if (!(await _authorization.AuthorizeAsync(User, invoice, "DeletePolicy")).Succeeded)
        {
            _logger.LogAccessDenied(User.FindFirstValue(ClaimTypes.NameIdentifier), "invoice:" + invoice.Id, "delete", "policy:DeletePolicy");
            return Forbid();
        }

        return RedirectToAction("Index");
    }

    public IActionResult Download(Invoice invoice)
    {
        if (invoice.OwnerId != User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return Forbid(); // expect: SL2003
        }

        return File(new byte[0], "application/pdf");
    }

    public IActionResult Archive(Invoice invoice)
    {
        if (!User.IsInRole("Accountant"))
        {
            return StatusCode(StatusCodes.Status403Forbidden); // expect: SL2003
        }

        return Ok();
    }

    public IActionResult Missing(string id) => id.Length == 0 ? Unauthorized() : NotFound();

    public IActionResult ArchiveAudited(Invoice invoice)
    {
        if (!User.IsInRole("Accountant"))
        {
            LogDenied(invoice.Id, "archive");
            return StatusCode(403);
        }

        return Ok();
    }

    private void LogDenied(string resource, string action)
        => _logger.LogAccessDenied(User.FindFirstValue(ClaimTypes.NameIdentifier), resource, action, "role");
}

public class InvoiceService
{
    private readonly ILogger<InvoiceService> _logger;
    public InvoiceService(ILogger<InvoiceService> logger) => _logger = logger;

    public void Approve(Invoice invoice, string userId)
    {
        if (invoice.OwnerId == userId)
        {
            throw new UnauthorizedAccessException("You cannot approve your own invoice."); // expect: SL2003
        }
    }

    public void Void(Invoice invoice, string userId, bool isAdmin)
    {
        if (!isAdmin)
        {
            _logger.LogAccessDenied(userId, "invoice:" + invoice.Id, "void", "not_admin");
            throw new UnauthorizedAccessException("Only administrators can void invoices.");
        }
    }

    public void Export(string userId, bool allowed)
    {
        if (!allowed) throw new System.Security.SecurityException("Export not permitted."); // expect: SL2003
    }
}

public class ReportsPage : PageModel
{
    private readonly IAuthorizationService _authorization;
    private readonly ILogger<ReportsPage> _logger;

    public ReportsPage(IAuthorizationService authorization, ILogger<ReportsPage> logger)
    {
        _authorization = authorization;
        _logger = logger;
    }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var result = await _authorization.AuthorizeAsync(User, "Reports");
        if (!result.Succeeded)
        {
            return Forbid(); // expect: SL2003
        }

        return Page();
    }

    public async Task<IActionResult> OnGetAuditedAsync(string id)
    {
        var result = await _authorization.AuthorizeAsync(User, id, "Reports");
        if (result.Succeeded)
        {
            return Page();
        }

        _logger.LogAccessDenied(User.Identity?.Name, "report:" + id, "read", "policy");
        return Forbid();
    }
}
