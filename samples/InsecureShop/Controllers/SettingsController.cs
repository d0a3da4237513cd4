using Microsoft.AspNetCore.Mvc;
using SecureLogging;

namespace InsecureShop.Controllers;

[ApiController]
[Route("settings")]
public sealed class SettingsController : ControllerBase
{
    private readonly IConfiguration _configuration;
    private readonly ILogger<SettingsController> _logger;

    public SettingsController(IConfiguration configuration, ILogger<SettingsController> logger)
    {
        _configuration = configuration;
        _logger = logger;
    }

    [HttpPut("smtp")]
    [SecuritySensitive("configuration.changed")]
    public IActionResult UpdateSmtp(string host)          // SL2005: configuration change with no audit trail
    {
        var connectionString = _configuration.GetConnectionString("Orders");
        _logger.LogInformation("Using database {Db} and SMTP host {Host}", connectionString, host); // SL1001
        Console.WriteLine("Jwt signing key: " + _configuration["Jwt:SigningKey"]);                 // SL1001
        return NoContent();
    }
}
