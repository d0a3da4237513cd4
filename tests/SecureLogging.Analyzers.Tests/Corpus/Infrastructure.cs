using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Models;

namespace Shop.Infrastructure;

public static class Startup
{
    public static void Configure(IConfiguration configuration, ILogger logger)
    {
        logger.LogInformation("Environment {Env}", configuration["ASPNETCORE_ENVIRONMENT"]);
        logger.LogInformation("Orders database {Db}", configuration.GetConnectionString("Orders")); // expect: SL1001
        logger.LogInformation("Redis at {Redis}", configuration["ConnectionStrings:Redis"]); // expect: SL1001
        logger.LogInformation("JWT issuer {Issuer}", configuration["Jwt:Issuer"]);
        logger.LogInformation("JWT audience {Audience}", configuration.GetValue<string>("Jwt:Audience"));
        logger.LogDebug("JWT key {Key}", configuration["Jwt:SigningKey"]); // expect: SL1001
        logger.LogInformation("Token lifetime {Minutes}", configuration.GetValue<int>("Jwt:TokenLifetimeMinutes"));
        logger.LogDebug("Stripe key {Key}", configuration.GetSection("Stripe")["SecretKey"]); // expect: SL1001
        logger.LogDebug("Stripe publishable key {Key}", configuration.GetSection("Stripe")["PublishableKey"]);
        logger.LogInformation("Storage container {Container}", configuration["Storage:ContainerName"]);
        logger.LogDebug("Smtp password set: {Set}", !string.IsNullOrEmpty(configuration["Smtp:Password"]));
        logger.LogDebug("Smtp password {Password}", configuration["Smtp:Password"]); // expect: SL1001
        var apiKey = configuration["ExternalApi:ApiKey"];
        logger.LogDebug("External API key loaded: {Key}", apiKey); // expect: SL1001
        logger.LogDebug("External API key length {Length}", apiKey?.Length);
        var section = configuration.GetSection("Features");
        logger.LogInformation("Features {Features}", section.Value);
        logger.LogInformation("Log level {Level}", configuration["Logging:LogLevel:Default"]);
        Console.WriteLine($"Starting with connection string {configuration.GetConnectionString("Default")}"); // expect: SL1001
        Console.WriteLine("Starting in {0}", configuration["ASPNETCORE_ENVIRONMENT"]);
    }
}

public sealed class JwtTokenService
{
    private readonly JwtOptions _options;
    private readonly ILogger<JwtTokenService> _logger;

    public JwtTokenService(IOptions<JwtOptions> options, ILogger<JwtTokenService> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    public string CreateToken(AppUser user)
    {
        _logger.LogInformation("Issuing token for {UserId} ({Issuer} -> {Audience})", user.Id, _options.Issuer, _options.Audience);
        _logger.LogDebug("Token lifetime {Lifetime} minutes", _options.TokenLifetimeMinutes);
        _logger.LogDebug("Signing with {Key}", _options.SigningKey); // expect: SL1001
        _logger.LogDebug("Jwt options {@Options}", _options); // expect: SL1004
        var jwt = Guid.NewGuid().ToString();
        _logger.LogDebug("Issued token {Jwt}", jwt);
        var accessToken = Guid.NewGuid().ToString("N");
        _logger.LogDebug("Issued access token {AccessToken}", accessToken); // expect: SL1001
        _logger.LogDebug("Issued token for {UserId} of length {Length}", user.Id, accessToken.Length);
        _logger.LogDebug("Issued token type {TokenType}", "Bearer");
        return accessToken;
    }

    public void Refresh(TokenResponse response, string refreshToken, Guid refreshTokenId)
    {
        _logger.LogInformation("Refreshing token {TokenId}", refreshTokenId);
        _logger.LogDebug("Refreshing with {RefreshToken}", refreshToken); // expect: SL1001
        _logger.LogDebug("Old response {@Response}", response); // expect: SL1004
        _logger.LogDebug("Old response type {Type} expires in {ExpiresIn}", response.TokenType, response.ExpiresIn);
        _logger.LogDebug("Token prefix {Prefix}", refreshToken.Substring(0, 8)); // expect: SL1001
        _logger.LogDebug("Token serialized {Json}", JsonSerializer.Serialize(response)); // expect: SL1004
    }
}

public sealed class PartnerApiClient
{
    private readonly HttpClient _http;
    private readonly ILogger<PartnerApiClient> _logger;

    public PartnerApiClient(HttpClient http, ILogger<PartnerApiClient> logger)
    {
        _http = http;
        _logger = logger;
    }

    public async Task<string> GetAsync(string path, string bearerToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        _logger.LogDebug("Calling {Method} {Path}", request.Method, path);
        _logger.LogDebug("Authorization {Auth}", request.Headers.Authorization); // expect: SL1001
        _logger.LogDebug("Bearer {Token}", bearerToken); // expect: SL1001
        _logger.LogDebug("Request uri {Uri}", request.RequestUri);
        var response = await _http.SendAsync(request);
        _logger.LogInformation("Partner answered {StatusCode} in {Reason}", (int)response.StatusCode, response.ReasonPhrase);
        var body = await response.Content.ReadAsStringAsync();
        _logger.LogDebug("Partner body length {Length}", body.Length);
        Debug.WriteLine($"Partner call to {path} with {bearerToken}"); // expect: SL1001
        Trace.TraceInformation("Partner call to {0} returned {1}", path, (int)response.StatusCode);
        return body;
    }
}

public sealed class RequestLoggingMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<RequestLoggingMiddleware> _logger;

    public RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        _logger.LogInformation("{Method} {Path}{Query}", request.Method, request.Path, request.QueryString);
        _logger.LogDebug("Headers {Headers}", request.Headers); // expect: SL1004
        _logger.LogDebug("Cookies {@Cookies}", request.Cookies); // expect: SL1004
        _logger.LogDebug("Authorization header {Auth}", request.Headers["Authorization"]); // expect: SL1001
        _logger.LogDebug("Authorization header {Auth}", request.Headers.Authorization); // expect: SL1001
        _logger.LogDebug("User agent {UserAgent}", request.Headers.UserAgent);
        _logger.LogDebug("Correlation {CorrelationId}", request.Headers["X-Correlation-Id"]);
        _logger.LogDebug("Api key header {ApiKey}", request.Headers["X-Api-Key"]); // expect: SL1001
        _logger.LogDebug("Form password {Password}", request.HasFormContentType ? request.Form["password"] : default); // expect: SL1001
        _logger.LogDebug("Session cookie {Session}", request.Cookies[".AspNetCore.Session"]); // expect: SL1001
        _logger.LogDebug("Remote ip {Ip}", context.Connection.RemoteIpAddress);
        _logger.LogDebug("Trace identifier {TraceId}", context.TraceIdentifier);
        _logger.LogDebug("User {User}", context.User.Identity?.Name);
        using (_logger.BeginScope(new Dictionary<string, object?> { ["TraceId"] = context.TraceIdentifier, ["Path"] = request.Path.Value }))
        {
            await _next(context);
        }

        using (_logger.BeginScope(new Dictionary<string, object?> { ["TraceId"] = context.TraceIdentifier, ["AccessToken"] = request.Query["access_token"].ToString() })) // expect: SL1001
        {
            _logger.LogInformation("Finished with {StatusCode}", context.Response.StatusCode);
        }
    }
}
