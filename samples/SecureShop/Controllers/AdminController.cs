using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SecureLogging;
using SecureShop.Models;
using SecureShop.Services;

namespace SecureShop.Controllers;

[ApiController]
[Route("admin")]
[Authorize]
public sealed class AdminController : ControllerBase
{
    private readonly UserManager<IdentityUser> _userManager;
    private readonly IAuthorizationService _authorization;
    private readonly ReportExporter _exporter;
    private readonly ILogger<AdminController> _logger;

    public AdminController(UserManager<IdentityUser> userManager, IAuthorizationService authorization, ReportExporter exporter, ILogger<AdminController> logger)
    {
        _userManager = userManager;
        _authorization = authorization;
        _exporter = exporter;
        _logger = logger;
    }

    private string ActorId => _userManager.GetUserId(User) ?? "unknown";

    [HttpPost("users/{id}/roles/{role}")]
    public async Task<IActionResult> GrantRole(string id, string role)
    {
        var allowed = await _authorization.AuthorizeAsync(User, "ManageUsers");
        if (!allowed.Succeeded)
        {
            _logger.LogAccessDenied(ActorId, "users/" + id + "/roles", "grant", "policy:ManageUsers");
            return Forbid();
        }

        var user = await _userManager.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await _userManager.AddToRoleAsync(user, role);
        _logger.LogRoleGranted(ActorId, user.Id, role);
        return NoContent();
    }

    [HttpDelete("users/{id}")]
    public async Task<IActionResult> DeleteUser(string id)
    {
        var user = await _userManager.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await _userManager.DeleteAsync(user);
        _logger.LogAccountDeleted(ActorId, user.Id);
        return NoContent();
    }

    [HttpGet("customers/{id}")]
    public IActionResult GetCustomer(string id, [FromServices] CustomerDirectory directory)
    {
        CustomerProfile profile = directory.Find(id);
        _logger.LogInformation("Loaded customer {@Customer}", new { profile.Id });
        return Ok(new { profile.Id });
    }

    [HttpGet("export")]
    public async Task<IActionResult> ExportCustomers()
    {
        var (csv, rows) = await _exporter.ExportAllCustomersAsync();
        _logger.LogDataExported(ActorId, "customers", rows);
        return File(csv, "text/csv", "customers.csv");
    }
}
