namespace Corpus.Sensitive;

public class DataController : Controller
{
    private readonly ILogger<DataController> _logger;
    public DataController(ILogger<DataController> logger) => _logger = logger;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    public IActionResult ExportCustomers() // expect: SL2005
    {
        var csv = "id,name\n";
        return File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", "customers.csv");
    }

    public IActionResult ExportOrders()
    {
        var rows = new[] { "1", "2" };
        _logger.LogDataExported(UserId, "orders", rows.Length);
        return Ok(rows);
    }

    [HttpPost]
    public async Task<IActionResult> BulkDeleteInvoices(int[] ids) // expect: SL2005
    {
        await Task.Delay(1);
        return NoContent();
    }

    [HttpPost]
    public IActionResult DeleteAllSessions()
    {
        _logger.LogBulkDeleted(UserId, "sessions", 42);
        return NoContent();
    }

    [HttpPost]
    public IActionResult PurgeAuditTrail() => NoContent(); // expect: SL2005

    [HttpPost]
    public IActionResult GenerateApiKey() // expect: SL2005
    {
        return Ok(Guid.NewGuid());
    }

    [HttpPost]
    public IActionResult RevokeApiKey(string keyId)
    {
        _logger.LogApiKeyRevoked(UserId, keyId);
        return NoContent();
    }

    public IActionResult Index() => View();

    public IActionResult Details(int id) => View(id);
}

public class ExportPageModel : PageModel
{
    private readonly ILogger<ExportPageModel> _logger;
    public ExportPageModel(ILogger<ExportPageModel> logger) => _logger = logger;

    public IActionResult OnGet() => Page();

    public IActionResult OnPostExport() // expect: SL2005
    {
        return File(new byte[0], "application/zip");
    }

    public IActionResult OnPostExportAudited()
    {
        _logger.LogDataExported(User.Identity?.Name ?? "unknown", "everything", 1);
        return File(new byte[0], "application/zip");
    }
}

public class MaintenanceService
{
    private readonly ILogger<MaintenanceService> _logger;
    public MaintenanceService(ILogger<MaintenanceService> logger) => _logger = logger;

    [SecuritySensitive("configuration.changed")]
    public void ChangeRetention(string userId, int days) // expect: SL2005
    {
        _logger.LogInformation("Retention changed to {Days}", days);
    }

    [SecuritySensitive("data.bulk_deleted")]
    public void PurgeTenant(string userId, string tenant) => Record(userId, tenant);

    private void Record(string userId, string tenant) => _logger.LogBulkDeleted(userId, "tenant:" + tenant, 1);

    // Not a controller action: names alone do not make a service method sensitive.
    public void ExportToDisk(string path) { }
}
