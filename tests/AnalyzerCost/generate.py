#!/usr/bin/env python3
"""Generates the analyzer-cost project of docs/benchmarks.md ("Analyzer cost").

A class library of N files (default 500) written like the services of an ASP.NET Core app: each file is a service
with Microsoft.Extensions.Logging calls (extension methods, Log, BeginScope, LoggerMessage.Define, [LoggerMessage]),
Serilog calls, string work, LINQ and plain method calls that are not logging, and a few sensitive values. The project
references the analyzer assemblies given on the command line and turns on CA1848/CA2254 (the SDK's
LoggerMessageDefineAnalyzer) so both are timed by the same build:

    python3 tests/AnalyzerCost/generate.py OUT_DIR ANALYZERS_DLL_DIR [FILES]
    dotnet build OUT_DIR --no-incremental -p:ReportAnalyzer=true -v:d [-p:SecureLoggingAnalyzers=OTHER_DIR] \
        | sed -n '/Total analyzer execution time/,/Total generator execution time/p'

The same generated project is built against each analyzer build (SecureLoggingAnalyzers) to compare them.
"""
import os
import sys

out, analyzers = sys.argv[1], os.path.abspath(sys.argv[2])
files = int(sys.argv[3]) if len(sys.argv) > 3 else 500
os.makedirs(out, exist_ok=True)

with open(os.path.join(out, "AnalyzerCost.csproj"), "w") as f:
    f.write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>$(NoWarn);CS1591;CS8618</NoWarn>
    <SecureLoggingAnalyzers Condition="'$(SecureLoggingAnalyzers)' == ''">{analyzers}</SecureLoggingAnalyzers>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="8.0.2" />
    <PackageReference Include="Microsoft.Extensions.Configuration.Abstractions" Version="8.0.0" />
    <PackageReference Include="Serilog" Version="4.2.0" />
  </ItemGroup>
  <ItemGroup>
    <Analyzer Include="$(SecureLoggingAnalyzers)/SecureLogging.Analyzers.dll" />
  </ItemGroup>
</Project>
""")

with open(os.path.join(out, ".editorconfig"), "w") as f:
    f.write("""root = true
[*.cs]
dotnet_diagnostic.CA1848.severity = warning
dotnet_diagnostic.CA2254.severity = warning
dotnet_diagnostic.CA1727.severity = warning
""")

with open(os.path.join(out, "Directory.Build.props"), "w") as f:
    f.write("<Project></Project>\n")
with open(os.path.join(out, "Directory.Packages.props"), "w") as f:
    f.write("<Project></Project>\n")

for i in range(files):
    with open(os.path.join(out, f"Service{i:04}.cs"), "w") as f:
        f.write(f"""using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Generated.Services{i % 20};

public sealed record Order{i}(Guid Id, string Status, decimal Total, string CustomerEmail);

public sealed class Request{i}
{{
    public string UserName {{ get; set; }} = "";
    public string Password {{ get; set; }} = "";
    public string? ReturnUrl {{ get; set; }}
    public int Page {{ get; set; }}
    public List<string> Tags {{ get; set; }} = new();
}}

public static partial class Log{i}
{{
    [LoggerMessage(EventId = {i * 10}, Level = LogLevel.Information, Message = "Order {{OrderId}} is {{Status}}")]
    public static partial void OrderStatus(ILogger logger, Guid orderId, string status);

    private static readonly Action<ILogger, string, Exception?> s_search =
        LoggerMessage.Define<string>(LogLevel.Debug, new EventId({i * 10 + 1}, "Search"), "Searching {{Query}}");

    public static void Search(ILogger logger, string query) => s_search(logger, query, null);
}}

public sealed class Service{i}
{{
    private static readonly Serilog.ILogger s_log = Serilog.Log.ForContext<Service{i}>();
    private readonly ILogger<Service{i}> _logger;
    private readonly IConfiguration _configuration;
    private readonly Dictionary<Guid, Order{i}> _orders = new();

    public Service{i}(ILogger<Service{i}> logger, IConfiguration configuration)
    {{
        _logger = logger;
        _configuration = configuration;
    }}

    public async Task<int> HandleAsync(Request{i} request, CancellationToken cancellationToken)
    {{
        _logger.LogInformation("Handling {{UserName}} page {{Page}}", request.UserName, request.Page);
        var tags = request.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToLowerInvariant()).ToList();
        _logger.LogDebug("Tags {{Tags}}", string.Join(",", tags));
        using (_logger.BeginScope("Request {{Page}}", request.Page))
        {{
            for (var n = 0; n < tags.Count; n++)
            {{
                if (tags[n].StartsWith("x", StringComparison.Ordinal))
                {{
                    _logger.LogTrace("Tag {{Index}} is {{Tag}}", n, tags[n]);
                }}
            }}
        }}

        var total = _orders.Values.Where(o => o.Status == "paid").Sum(o => o.Total);
        _logger.LogInformation("Total {{Total}} in {{Count}} orders", total, _orders.Count);
        if (total > 1000m)
        {{
            _logger.LogWarning("Large total {{Total}} for {{UserName}}", total, request.UserName);
        }}

        var timeout = _configuration.GetValue<int>("Service{i}:TimeoutSeconds");
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(timeout, 1)), cancellationToken).ConfigureAwait(false);
        _logger.Log(LogLevel.Debug, "Waited {{Timeout}}", timeout);
        Log{i}.Search(_logger, request.ReturnUrl ?? "/");
        s_log.Information("Serilog {{UserName}} {{Page}}", request.UserName, request.Page);
        s_log.Debug("Password {{Password}}", request.Password);
        _logger.LogDebug("Login with {{Password}}", request.Password);
        _logger.LogInformation($"Finished {{request.UserName}} with {{tags.Count}} tags");
        return tags.Count + (int)Math.Round(total, MidpointRounding.AwayFromZero);
    }}

    public Order{i}? Find(Guid id)
    {{
        if (!_orders.TryGetValue(id, out var order))
        {{
            _logger.LogWarning("Order {{OrderId}} not found", id);
            return null;
        }}

        Log{i}.OrderStatus(_logger, order.Id, order.Status);
        _logger.LogDebug("Order {{Order}}", order);
        var summary = string.Format("{{0}}:{{1}}", order.Id, order.Status).PadLeft(40).Substring(0, 10);
        Console.WriteLine("Found " + summary);
        return order;
    }}

    public void Validate(Request{i} request)
    {{
        if (string.IsNullOrEmpty(request.UserName))
        {{
            throw new ArgumentException("User name is required", nameof(request));
        }}

        var key = _configuration["Service{i}:ApiKey"];
        _logger.LogDebug("Key configured: {{Configured}}", key is not null);
        var parts = request.UserName.Split('@').Select(p => p.Length).ToArray();
        _logger.LogDebug("Parts {{Parts}}", parts.Length);
    }}
}}
""")
print(f"{files} files in {out}")
