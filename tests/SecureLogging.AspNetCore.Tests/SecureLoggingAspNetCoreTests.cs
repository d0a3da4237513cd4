using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SecureLogging.AspNetCore.Tests;

public sealed class SecureLoggingAspNetCoreTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    [Fact]
    public async Task EventsCarryTheRequestContext()
    {
        await using var app = await StartAsync();
        using var response = await SendAsync(app, "/login-failed", remoteIp: "198.51.100.7", userAgent: "curl/8.4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(app.Recorder.Events);
        Assert.Equal(SecurityEventNames.AuthenticationFailure, record.Event);
        Assert.Equal("198.51.100.7", record.IpAddress);
        Assert.Equal("curl/8.4", record.UserAgent);
        Assert.False(string.IsNullOrEmpty(record.RequestId));
        Assert.Null(record.UserId);
    }

    [Fact]
    public async Task ContextFlowsAcrossAwaitIntoHandlers()
    {
        await using var app = await StartAsync();
        using var response = await SendAsync(app, "/after-await", remoteIp: "198.51.100.8", authorization: "Test user-42");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(app.Recorder.Events);
        Assert.Equal("198.51.100.8", record.IpAddress);
        Assert.Equal("user-42", record.UserId);
    }

    /// <summary>
    /// X-Forwarded-For is only believed through the app's forwarded-headers setup, and then only from a known proxy
    /// (the test host trusts the one proxy 10.0.0.5); otherwise the connection's own address is recorded.
    /// </summary>
    [Theory]
    [InlineData(false, "10.0.0.5", "10.0.0.5")]
    [InlineData(true, "10.0.0.5", "203.0.113.9")]
    [InlineData(true, "192.0.2.77", "192.0.2.77")]
    public async Task ForwardedForIsHonouredOnlyFromAKnownProxyThroughForwardedHeaders(bool useForwardedHeaders, string remoteIp, string expectedIp)
    {
        await using var app = await StartAsync(useForwardedHeaders);
        using var response = await SendAsync(app, "/login-failed", remoteIp: remoteIp, forwardedFor: "203.0.113.9");

        var record = Assert.Single(app.Recorder.Events);
        Assert.Equal(expectedIp, record.IpAddress);
    }

    [Fact]
    public async Task FrameworkDenialEmitsAuthorizationDenied()
    {
        await using var app = await StartAsync();
        using var response = await SendAsync(app, "/admin/reports", remoteIp: "198.51.100.9", authorization: "Test user-7 Clerk");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var record = Assert.Single(app.Recorder.Events);
        Assert.Equal(SecurityEventNames.AuthorizationDenied, record.Event);
        Assert.Equal("failure", record.Outcome);
        Assert.Equal("user-7", record.UserId);
        Assert.Equal("198.51.100.9", record.IpAddress);
        Assert.Contains(record.Fields, f => f.Key == "resource" && (string?)f.Value == "/admin/reports");
        Assert.Contains(record.Fields, f => f.Key == "action" && (string?)f.Value == "GET");
        Assert.Contains("Admin", record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedRequestEmitsNothing()
    {
        await using var app = await StartAsync();
        using var response = await SendAsync(app, "/admin/reports", authorization: "Test user-1 Admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(app.Recorder.Events);
    }

    [Fact]
    public async Task AnonymousChallengeIsNotADenial()
    {
        await using var app = await StartAsync();
        using var response = await SendAsync(app, "/admin/reports");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(app.Recorder.Events);
    }

    [Fact]
    public async Task FailedSchemeEmitsOneAuthenticationFailureWithoutTheToken()
    {
        await using var app = await StartAsync();
        using var response = await SendAsync(app, "/admin/reports", remoteIp: "198.51.100.10", authorization: "Test !eyJhbGciOi.forged");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var record = Assert.Single(app.Recorder.Events);
        Assert.Equal(SecurityEventNames.AuthenticationFailure, record.Event);
        Assert.Equal("198.51.100.10", record.IpAddress);
        Assert.DoesNotContain("forged", record.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledFeaturesEmitNothing()
    {
        await using var app = await StartAsync(configure: o =>
        {
            o.LogAuthorizationFailures = false;
            o.LogAuthenticationFailures = false;
        });
        using var denied = await SendAsync(app, "/admin/reports", authorization: "Test user-7");
        using var failed = await SendAsync(app, "/admin/reports", authorization: "Test !bad");

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        Assert.Empty(app.Recorder.Events);
    }

    [Fact]
    public async Task DisabledRequestContextLeavesTheFieldsEmpty()
    {
        await using var app = await StartAsync(configure: o => o.EnableRequestContext = false);
        using var response = await SendAsync(app, "/login-failed", remoteIp: "198.51.100.7", userAgent: "curl/8.4");

        var record = Assert.Single(app.Recorder.Events);
        Assert.Null(record.IpAddress);
        Assert.Null(record.UserAgent);
    }

    [Fact]
    public void RegisteringTwiceIsHarmless()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSecureLoggingAspNetCore();
        services.AddSecureLoggingAspNetCore();

        Assert.Single(services, d => d.ImplementationType == typeof(SecurityContextStartupFilter));
        using var provider = services.BuildServiceProvider();
        Assert.IsType<AuthenticationFailureLoggingService>(provider.CreateScope().ServiceProvider.GetRequiredService<IAuthenticationService>());
    }

    private static async Task<HttpResponseMessage> SendAsync(TestApp app, string path, string? remoteIp = null, string? userAgent = null, string? authorization = null, string? forwardedFor = null)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            if (remoteIp is not null)
            {
                c.Connection.RemoteIpAddress = IPAddress.Parse(remoteIp);
            }

            if (userAgent is not null)
            {
                c.Request.Headers.UserAgent = userAgent;
            }

            if (authorization is not null)
            {
                c.Request.Headers.Authorization = authorization;
            }

            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });

        return new HttpResponseMessage((HttpStatusCode)context.Response.StatusCode);
    }

    private static async Task<TestApp> StartAsync(bool useForwardedHeaders = false, Action<SecureLoggingAspNetCoreOptions>? configure = null)
    {
        var recorder = new RecordingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(recorder);
        builder.Services.AddSecureLoggingAspNetCore(configure);
        builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, _ => { });
        builder.Services.AddAuthorization(o => o.AddPolicy("Admins", p => p.RequireRole("Admin")));
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Add(Proxy);
        });

        var app = builder.Build();
        if (useForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/login-failed", (ILogger<SecureLoggingAspNetCoreTests> logger) =>
        {
            logger.LogLoginFailed("alice@example.com", "invalid_credentials");
            return Results.Ok();
        });
        app.MapGet("/after-await", async (ILogger<SecureLoggingAspNetCoreTests> logger) =>
        {
            await Task.Yield();
            await Task.Delay(1);
            logger.LogAccessDenied(null, "/reports/9", "read", "not_owner");
            return Results.Ok();
        });
        app.MapGet("/admin/reports", () => Results.Ok()).RequireAuthorization("Admins");

        await app.StartAsync();
        return new TestApp(app, app.GetTestServer(), recorder);
    }

    private sealed record TestApp(WebApplication App, TestServer Server, RecordingLoggerProvider Recorder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
