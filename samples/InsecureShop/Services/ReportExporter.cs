using System.Text;
using Microsoft.Extensions.Compliance.Classification;

namespace InsecureShop.Services;

public sealed partial class ReportExporter
{
    private readonly ILogger<ReportExporter> _logger;

    public ReportExporter(ILogger<ReportExporter> logger)
    {
        _logger = logger;
    }

    public Task<byte[]> ExportAllCustomersAsync()
    {
        LogExportStarted(_logger, "customers@example.com");
        return Task.FromResult(Encoding.UTF8.GetBytes("id,email\n"));
    }

    // SL4003: classified data, but the app never calls EnableRedaction(), so it is logged as is.
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Export requested by {RequestedBy}")]
    private static partial void LogExportStarted(ILogger logger, [PrivateData] string requestedBy);
}

public sealed class PrivateDataAttribute : DataClassificationAttribute
{
    public PrivateDataAttribute()
        : base(new DataClassification("InsecureShop", "Private"))
    {
    }
}
