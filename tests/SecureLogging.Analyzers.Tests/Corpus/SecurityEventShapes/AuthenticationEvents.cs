using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Hosting;
using Shapes.Events;

namespace Shapes.Setup;

// Program.cs / Startup extension shapes for the JwtBearer and OpenID Connect failure hooks (SPEC §6: reported at the
// assignment).
public static class AuthenticationSetup
{
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = "https://login.example.com";
                options.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = context => // expect: SL2001
                    {
                        if (context.Exception is Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException)
                        {
                            context.Response.Headers.Append("Token-Expired", "true");
                        }

                        return Task.CompletedTask;
                    },
                    OnChallenge = context => Task.CompletedTask,
                    OnTokenValidated = context => Task.CompletedTask,
                };
            });

        return services;
    }

    public static IServiceCollection AddAuditedApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddJwtBearer("partner", options =>
            {
                options.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = async context =>
                    {
                        var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<JwtBearerEvents>>();
                        logger.LogLoginFailed(null, "invalid_token:" + context.Exception.GetType().Name, method: "jwt");
                        await Task.CompletedTask;
                    },
                };
            });

        return services;
    }

    // Assignment into the existing Events object, as most Stack Overflow answers write it.
    public static void ConfigureJwt(JwtBearerOptions options, ILogger logger)
    {
        options.Events ??= new JwtBearerEvents();
        options.Events.OnAuthenticationFailed = ctx => // expect: SL2001
        {
            logger.LogWarning(ctx.Exception, "Authentication failed: {Message}", ctx.Exception.Message);
            return Task.CompletedTask;
        };
        options.Events.OnForbidden = ctx => Task.CompletedTask;
    }

    public static void ConfigureJwtAudited(JwtBearerOptions options, ILogger logger)
    {
        options.Events.OnAuthenticationFailed = ctx =>
        {
            logger.LogWarning(SecurityEventIds.LoginFailed, ctx.Exception, "Bearer token rejected");
            return Task.CompletedTask;
        };
    }

    // Method groups: one that records, one that does not.
    public static void ConfigureOidc(OpenIdConnectOptions options)
    {
        options.Events.OnRemoteFailure = OnRemoteFailure; // expect: SL2001
        options.Events.OnAuthenticationFailed = OnOidcAuthenticationFailed;
    }

    private static Task OnRemoteFailure(RemoteFailureContext context)
    {
        context.Response.Redirect("/Home/Error?message=" + Uri.EscapeDataString(context.Failure?.Message ?? ""));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static Task OnOidcAuthenticationFailed(Microsoft.AspNetCore.Authentication.OpenIdConnect.AuthenticationFailedContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Oidc");
        logger.LoginRejected("oidc", context.Exception.Message);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    // Configured through the options pattern on the host builder.
    public static void AddOidc(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddOpenIdConnect(options =>
            {
                options.ClientId = builder.Configuration["Oidc:ClientId"];
                options.Events = new OpenIdConnectEvents
                {
                    OnRemoteFailure = context => // expect: SL2001
                    {
                        context.Response.Redirect("/");
                        context.HandleResponse();
                        return Task.CompletedTask;
                    },
                    OnAuthenticationFailed = context =>
                    {
                        var audit = context.HttpContext.RequestServices.GetRequiredService<Auditing.IAuditStore>();
                        return audit.AppendAsync("authentication.failure", "oidc", context.Exception.Message);
                    },
                    OnRedirectToIdentityProvider = context => Task.CompletedTask,
                };
            });
    }
}
