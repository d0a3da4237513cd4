// Spec corpus: SL4001 (constant retention at and past the bounds), SL4002 (framework settings) and SL4003 (classified
// [LoggerMessage] parameters and [LogProperties] members in an application that never calls EnableRedaction()).
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Logging;
using Microsoft.Net.Http.Headers;
using SecureLogging;

namespace Contoso.Startup;

public static class Program
{
    private const int ShortDays = 30;

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSecureLogging(o => o.Retention = TimeSpan.FromDays(30)); // expect: SL4001
        builder.Services.AddSecureLogging(o => o.Retention = TimeSpan.FromDays(90));
        builder.Services.AddSecureLogging(o => o.Retention = TimeSpan.FromDays(89)); // expect: SL4001
        builder.Services.AddSecureLogging(o => o.Retention = TimeSpan.FromDays(2557));
        builder.Services.AddSecureLogging(o => o.Retention = TimeSpan.FromDays(2558)); // expect: SL4001
        builder.Services.AddSecureLogging(o => o.Retention = TimeSpan.FromDays(365 * 10)); // expect: SL4001
        builder.Services.AddSecureLogging(o => o.Retention = TimeSpan.FromDays(ShortDays)); // expect: SL4001
        builder.Services.AddSecureLogging(o => o.Retention = new TimeSpan(89, 23, 59, 59)); // expect: SL4001
        builder.Services.AddSecureLogging(o => o.Retention = TimeSpan.FromHours(24 * 90));
        builder.Services.AddSecureLogging(o => o.Retention = SecureLoggingRetention.Sox);
        builder.Logging.AddSecureLogging(o => o.Retention = TimeSpan.FromDays(7 * 365 + 3)); // expect: SL4001
        builder.Logging.AddSecureLogging(o =>
        {
            o.Retention = TimeSpan.FromDays(365);
            o.Retention = TimeSpan.Zero; // expect: SL4001
        });
        var options = new SecureLoggingOptions { Retention = TimeSpan.FromDays(7) }; // expect: SL4001
        options.Retention = TimeSpan.FromDays(args.Length);

        IdentityModelEventSource.ShowPII = true; // expect: SL4002
        IdentityModelEventSource.ShowPII = builder.Environment.IsDevelopment();
        IdentityModelEventSource.LogCompleteSecurityArtifact = true; // expect: SL4002
        IdentityModelEventSource.LogCompleteSecurityArtifact = false;

        builder.Services.AddDbContext<ShopDb>(o => o.EnableSensitiveDataLogging()); // expect: SL4002
        builder.Services.AddDbContext<ShopDb>(o => o.EnableSensitiveDataLogging(true)); // expect: SL4002
        builder.Services.AddDbContext<ShopDb>(o => o.EnableSensitiveDataLogging(builder.Environment.IsDevelopment()));
        builder.Services.AddDbContext<ShopDb>(o => o.EnableSensitiveDataLogging(false));
        builder.Services.AddDbContext<ShopDb>(o => o.EnableDetailedErrors());

        builder.Services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.All; // expect: SL4002
            o.RequestHeaders.Add("Authorization"); // expect: SL4002
            o.RequestHeaders.Add(HeaderNames.Cookie); // expect: SL4002
            o.RequestHeaders.Add("X-Correlation-Id");
            o.ResponseHeaders.Add("Set-Cookie");
        });
        builder.Services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.Request); // expect: SL4002
        builder.Services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.ResponseBody);
        builder.Services.AddHttpLogging(o => o.LoggingFields |= HttpLoggingFields.RequestBody); // expect: SL4002
        var http = new HttpLoggingOptions
        {
            LoggingFields = HttpLoggingFields.RequestPath | HttpLoggingFields.RequestBody, // expect: SL4002
            RequestHeaders =
            {
                "authorization", // expect: SL4002
                "Accept",
            },
        };

        var app = builder.Build();
        app.UseHttpLogging();
        app.Run();
        GC.KeepAlive(http);
    }
}

public sealed class ShopDb : DbContext
{
    public ShopDb(DbContextOptions<ShopDb> options) : base(options)
    {
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.EnableSensitiveDataLogging(); // expect: SL4002
}

public sealed class PiiAttribute : DataClassificationAttribute
{
    public PiiAttribute() : base(new DataClassification("Contoso", "PII")) { }
}

public sealed class Member
{
    public string MemberId { get; set; } = "";
    [Pii] public string Nickname { get; set; } = ""; // expect: SL4003
    public string Tier { get; set; } = "";
}

public static partial class MemberLog
{
    [LoggerMessage(1, LogLevel.Information, "Member {Nickname} joined {Tier}")]
    public static partial void Joined(ILogger logger, [Pii] string nickname, string tier); // expect: SL4003

    [LoggerMessage(2, LogLevel.Information, "Member updated")]
    public static partial void Updated(ILogger logger, [LogProperties] Member member);

    [LoggerMessage(3, LogLevel.Information, "Member {MemberId} left")]
    public static partial void Left(ILogger logger, string memberId);
}
