using System.Text;

namespace SecureShop.Services;

public sealed class ReportExporter
{
    public Task<(byte[] Csv, long Rows)> ExportAllCustomersAsync()
        => Task.FromResult((Encoding.UTF8.GetBytes("id\n"), 0L));
}
