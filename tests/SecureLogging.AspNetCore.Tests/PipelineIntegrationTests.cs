using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SecureLogging.AspNetCore.Tests;

/// <summary>
/// SPEC §2/§7 through the whole pipeline: events written in handlers and the framework's own denials reach the
/// security-event sinks (store, forwarders, detectors) with the request context, with only the ASP.NET Core package registered.
/// </summary>
public sealed class PipelineIntegrationTests
{
    [Fact]
    public async Task Handler_events_and_framework_denials_reach_the_sinks_with_the_request_context()
    {
        var sink = new Sink();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ISecurityEventSink>(sink);
        builder.Services.AddSecureLoggingAspNetCore();
        builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, _ => { });
        builder.Services.AddAuthorization(o => o.AddPolicy("Admins", p => p.RequireRole("Admin")));
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost("/export", (ILogger<PipelineIntegrationTests> logger, HttpContext context) =>
        {
            logger.LogDataExported("ignored-by-context?", "customers", 10);
            return Results.Text(context.TraceIdentifier);
        });
        app.MapGet("/admin", () => Results.Ok()).RequireAuthorization("Admins");
        await app.StartAsync();
        var server = app.GetTestServer();

        var exported = await server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/export";
            c.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.20");
            c.Request.Headers.UserAgent = "Mozilla/5.0 (X11)";
            c.Request.Headers.Authorization = "Test user-1";
        });
        var denied = await server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/admin";
            c.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.21");
            c.Request.Headers.Authorization = "Test user-2 Clerk";
        });
        await app.StopAsync();

        Assert.Equal(200, exported.Response.StatusCode);
        Assert.Equal(403, denied.Response.StatusCode);
        var records = sink.Records.ToArray();
        var export = Assert.Single(records, r => r.Event == "data.exported");
        Assert.Equal("198.51.100.20", export.IpAddress);
        Assert.Equal("Mozilla/5.0 (X11)", export.UserAgent);
        Assert.False(string.IsNullOrEmpty(export.RequestId));
        var denial = Assert.Single(records, r => r.Event == "authorization.denied");
        Assert.Equal("user-2", denial.UserId);
        Assert.Equal("198.51.100.21", denial.IpAddress);
        Assert.Contains(denial.Fields, f => f.Key == "resource" && (string?)f.Value == "/admin");
    }

    private sealed class Sink : ISecurityEventSink
    {
        public System.Collections.Concurrent.ConcurrentQueue<SecurityEventRecord> Records { get; } = new();

        public void Write(SecurityEventRecord record) => Records.Enqueue(record);
    }
}
