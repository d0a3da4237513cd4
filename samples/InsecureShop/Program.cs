using InsecureShop.Data;
using InsecureShop.Services;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Logging;
using SecureLogging;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDbContext<ShopDbContext>(options =>
{
    options.UseInMemoryDatabase("shop");
    options.EnableSensitiveDataLogging();                              // SL4002: EF Core logs parameter values
});

builder.Services.AddIdentity<IdentityUser, IdentityRole>()
    .AddEntityFrameworkStores<ShopDbContext>()
    .AddDefaultTokenProviders();

builder.Services.AddHttpLogging(options =>
{
    options.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.RequestBody; // SL4002
    options.RequestHeaders.Add("Authorization");                       // SL4002: bearer tokens in the log
});

IdentityModelEventSource.ShowPII = true;                               // SL4002: tokens and keys in IdentityModel logs

builder.Services.AddAuthentication().AddJwtBearer(options =>
{
    options.Events = new JwtBearerEvents
    {
        OnAuthenticationFailed = context => Task.CompletedTask,       // SL2001: invalid tokens leave no trace
    };
});

builder.Services.AddSecureLogging(options =>
{
    options.Retention = TimeSpan.FromDays(30);                         // SL4001: far below 90 days
});

builder.Services.AddControllers();
builder.Services.AddScoped<PaymentService>();
builder.Services.AddScoped<ReportExporter>();
builder.Services.AddSingleton<CustomerDirectory>();
builder.Services.AddSingleton<ApiKeyService>();

var app = builder.Build();
app.UseHttpLogging();
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();

app.MapPost("/api/keys", async (ApiKeyService keys, string owner, ILogger<Program> logger) =>
{
    var key = await keys.CreateApiKeyAsync(owner);
    logger.LogInformation("Created API key {ApiKey} for {Owner}", key.Secret, owner); // SL1001
    return Results.Ok(new { key.Id });
});

app.Run();
