using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SecureLogging;

namespace SecureShop.Controllers;

[ApiController]
[Route("settings")]
public sealed class SettingsController : ControllerBase
{
    private readonly UserManager<IdentityUser> _userManager;
    private readonly ILogger<SettingsController> _logger;

    public SettingsController(UserManager<IdentityUser> userManager, ILogger<SettingsController> logger)
    {
        _userManager = userManager;
        _logger = logger;
    }

    [HttpPut("smtp")]
    [SecuritySensitive("configuration.changed")]
    public IActionResult UpdateSmtp(string host)
    {
        _logger.LogConfigurationChanged(_userManager.GetUserId(User) ?? "unknown", "smtp.host");
        _logger.LogInformation("SMTP host set to {Host}", host);
        return NoContent();
    }
}
