using InsecureShop.Models;
using InsecureShop.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace InsecureShop.Controllers;

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

    [HttpPost("users/{id}/roles/{role}")]
    public async Task<IActionResult> GrantRole(string id, string role)
    {
        var allowed = await _authorization.AuthorizeAsync(User, "ManageUsers");
        if (!allowed.Succeeded)
        {
            return Forbid();                               // SL2003: the denial is not recorded
        }

        var user = await _userManager.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await _userManager.AddToRoleAsync(user, role);     // SL2004
        _logger.LogInformation("Role {Role} granted", role);
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

        await _userManager.DeleteAsync(user);              // SL2004
        return NoContent();
    }

    [HttpGet("customers/{id}")]
    public IActionResult GetCustomer(string id, [FromServices] CustomerDirectory directory)
    {
        CustomerProfile profile = directory.Find(id);
        _logger.LogInformation("Loaded customer {@Customer}", profile);   // SL1004: password hash and API token included
        return Ok(new { profile.Id });
    }

    [HttpGet("export")]
    public async Task<IActionResult> ExportCustomers()    // SL2005: bulk data export with no audit trail
    {
        var csv = await _exporter.ExportAllCustomersAsync();
        return File(csv, "text/csv", "customers.csv");
    }
}
