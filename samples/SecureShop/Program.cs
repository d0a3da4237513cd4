using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SecureLogging;
using SecureShop.Data;
using SecureShop.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDbContext<ShopDbContext>(options => options
    .UseInMemoryDatabase("shop")
    .EnableSensitiveDataLogging(builder.Environment.IsDevelopment())); // only ever on a developer's machine

builder.Services.AddIdentity<IdentityUser, IdentityRole>(options => options.Lockout.MaxFailedAccessAttempts = 20)
    .AddEntityFrameworkStores<ShopDbContext>()
    .AddDefaultTokenProviders();

builder.Services.AddHttpLogging(options =>
{
    options.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.ResponseStatusCode;
});

builder.Services.AddAuthentication().AddJwtBearer(options =>
{
    options.Events = new JwtBearerEvents
    {
        OnAuthenticationFailed = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILogger<Program>>()
                .LogLoginFailed(attemptedUser: null, reason: "invalid_token", method: JwtBearerDefaults.AuthenticationScheme);
            return Task.CompletedTask;
        },
    };
});

// Security events go to a tamper-evident store (verify it with `securelog verify <dir> --key-file <file>`) and through
// the alert detectors, whatever the app's log level. The key comes from configuration (a secret store in production).
builder.Logging.AddSecureLogging(options =>
{
    options.Retention = SecureLoggingRetention.PciDss;
    options.StoreDirectory = builder.Configuration["SecureShop:StoreDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, "security-log");
    options.ChainKey = Convert.FromBase64String(builder.Configuration["SecureShop:ChainKey"]
        ?? throw new InvalidOperationException("Set SecureShop:ChainKey (base64, 32 bytes or more)."));
});
builder.Services.AddSecureLoggingAspNetCore();

builder.Services.AddAuthorization(options => options.AddPolicy("ManageUsers", policy => policy.RequireRole("Admin")));
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
    logger.LogApiKeyCreated(owner, key.Id);
    return Results.Ok(new { key.Id });
});

await DemoData.SeedAsync(app.Services);
app.Run();
