using SecureLogging.Analyzers.CodeFixes.Rules;
using SecureLogging.Analyzers.Rules;
using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SecureLogging.Analyzers.Rules.AuthenticationWithoutEventAnalyzer,
    SecureLogging.Analyzers.CodeFixes.Rules.InsertSecurityEventCodeFixProvider>;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

/// <summary>
/// The SL2001 fix on <c>JwtBearerEvents</c>/<c>OpenIdConnectEvents</c> failure hooks (SPEC §6: <c>LogLoginFailed</c>):
/// first in the handler, with a logger in scope or one from the request's services, in lambdas (block and expression
/// bodied, async), anonymous methods and method groups. Each test checks the exact output, Fix All and that the fixed
/// code compiles with no SL2001 left.
/// </summary>
public class FailureHookFixTests
{
    [Fact]
    public async Task ProgramStyleJwtHookWithoutALoggerGetsOneFromTheRequestServices()
    {
        var source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication.JwtBearer;
            using Microsoft.Extensions.DependencyInjection;

            public static class AuthSetup
            {
                public static void AddApiAuthentication(IServiceCollection services)
                {
                    services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                        .AddJwtBearer(options =>
                        {
                            options.Authority = "https://login.example.com";
                            options.Events = new JwtBearerEvents
                            {
                                {|SL2001:OnAuthenticationFailed = context =>
                                {
                                    Console.WriteLine("Token rejected");
                                    return Task.CompletedTask;
                                }|},
                            };
                        });
                }
            }
            """;
        var fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication.JwtBearer;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            public static class AuthSetup
            {
                public static void AddApiAuthentication(IServiceCollection services)
                {
                    services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                        .AddJwtBearer(options =>
                        {
                            options.Authority = "https://login.example.com";
                            options.Events = new JwtBearerEvents
                            {
                                OnAuthenticationFailed = context =>
                                {
                                    var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SecureLogging.Authentication");
                                    logger.LogLoginFailed(null, "invalid_token", method: context.Scheme.Name);
                                    Console.WriteLine("Token rejected");
                                    return Task.CompletedTask;
                                },
                            };
                        });
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task ExpressionBodiedHookWithALoggerParameterBecomesABlock()
    {
        var source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication.JwtBearer;
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            public static class Jwt
            {
                public static void Configure(JwtBearerOptions options, ILogger logger)
                {
                    {|SL2001:options.Events.OnAuthenticationFailed = ctx => Task.CompletedTask|};
                }
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication.JwtBearer;
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            public static class Jwt
            {
                public static void Configure(JwtBearerOptions options, ILogger logger)
                {
                    options.Events.OnAuthenticationFailed = ctx =>
                    {
                        logger.LogLoginFailed(null, "invalid_token", method: ctx.Scheme.Name);
                        return Task.CompletedTask;
                    };
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task AsyncRemoteFailureHookInAnOptionsClassUsesTheLoggerField()
    {
        var source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.Logging;
            using Microsoft.Extensions.Options;

            public sealed class ConfigureOidc : IConfigureNamedOptions<OpenIdConnectOptions>
            {
                private readonly ILogger<ConfigureOidc> _logger;

                public ConfigureOidc(ILogger<ConfigureOidc> logger) => _logger = logger;

                public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

                public void Configure(string name, OpenIdConnectOptions options)
                {
                    {|SL2001:options.Events.OnRemoteFailure = async context => await WriteErrorPage(context.Response)|};
                }

                private static Task WriteErrorPage(Microsoft.AspNetCore.Http.HttpResponse response) => Task.CompletedTask;
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.Logging;
            using Microsoft.Extensions.Options;
            using SecureLogging;

            public sealed class ConfigureOidc : IConfigureNamedOptions<OpenIdConnectOptions>
            {
                private readonly ILogger<ConfigureOidc> _logger;

                public ConfigureOidc(ILogger<ConfigureOidc> logger) => _logger = logger;

                public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

                public void Configure(string name, OpenIdConnectOptions options)
                {
                    options.Events.OnRemoteFailure = async context =>
                    {
                        _logger.LogLoginFailed(null, "remote_failure", method: context.Scheme.Name);
                        await WriteErrorPage(context.Response);
                    };
                }

                private static Task WriteErrorPage(Microsoft.AspNetCore.Http.HttpResponse response) => Task.CompletedTask;
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task MethodGroupHandlerInTheSameFileGetsTheEventInItsBody()
    {
        var source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;

            public static class Oidc
            {
                public static void Configure(OpenIdConnectOptions options)
                {
                    {|SL2001:options.Events.OnAuthenticationFailed = OnFailed|};
                }

                private static Task OnFailed(AuthenticationFailedContext failure)
                {
                    failure.HandleResponse();
                    return Task.CompletedTask;
                }
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            public static class Oidc
            {
                public static void Configure(OpenIdConnectOptions options)
                {
                    options.Events.OnAuthenticationFailed = OnFailed;
                }

                private static Task OnFailed(AuthenticationFailedContext failure)
                {
                    var logger = failure.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SecureLogging.Authentication");
                    logger.LogLoginFailed(null, "invalid_token", method: failure.Scheme.Name);
                    failure.HandleResponse();
                    return Task.CompletedTask;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task FixAllCoversEveryHookAndAvoidsATakenLoggerName()
    {
        var source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication.JwtBearer;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            public static class Schemes
            {
                public static void Configure(JwtBearerOptions jwt, OpenIdConnectOptions oidc)
                {
                    jwt.Events = new JwtBearerEvents
                    {
                        {|SL2001:OnAuthenticationFailed = context =>
                        {
                            var logger = "not a logger";
                            return Task.CompletedTask;
                        }|},
                    };
                    oidc.Events = new OpenIdConnectEvents
                    {
                        {|SL2001:OnRemoteFailure = delegate (Microsoft.AspNetCore.Authentication.RemoteFailureContext failure)
                        {
                            failure.HandleResponse();
                            return Task.CompletedTask;
                        }|},
                    };
                }
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication.JwtBearer;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            public static class Schemes
            {
                public static void Configure(JwtBearerOptions jwt, OpenIdConnectOptions oidc)
                {
                    jwt.Events = new JwtBearerEvents
                    {
                        OnAuthenticationFailed = context =>
                        {
                            var logger2 = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SecureLogging.Authentication");
                            logger2.LogLoginFailed(null, "invalid_token", method: context.Scheme.Name);
                            var logger = "not a logger";
                            return Task.CompletedTask;
                        },
                    };
                    oidc.Events = new OpenIdConnectEvents
                    {
                        OnRemoteFailure = delegate (Microsoft.AspNetCore.Authentication.RemoteFailureContext failure)
                        {
                            var logger = failure.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SecureLogging.Authentication");
                            logger.LogLoginFailed(null, "remote_failure", method: failure.Scheme.Name);
                            failure.HandleResponse();
                            return Task.CompletedTask;
                        },
                    };
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task TopLevelProgramIgnoresALoggerDeclaredAfterTheHook()
    {
        var source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication.JwtBearer;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o =>
            {
                o.Events = new JwtBearerEvents
                {
                    {|SL2001:OnAuthenticationFailed = c => Task.CompletedTask|},
                };
            });
            var app = builder.Build();
            var logger = app.Logger;
            logger.LogInformation("Starting");
            app.Run();
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication.JwtBearer;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o =>
            {
                o.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = c =>
                    {
                        var logger2 = c.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SecureLogging.Authentication");
                        logger2.LogLoginFailed(null, "invalid_token", method: c.Scheme.Name);
                        return Task.CompletedTask;
                    },
                };
            });
            var app = builder.Build();
            var logger = app.Logger;
            logger.LogInformation("Starting");
            app.Run();
            """;

        var test = new Verifiers.CSharpCodeFixVerifier<AuthenticationWithoutEventAnalyzer, InsertSecurityEventCodeFixProvider>.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task HandlerFromAnotherFileOrWithoutContextGetsNoFix()
    {
        var source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication.JwtBearer;

            public static class Jwt
            {
                public static void Configure(JwtBearerOptions options, Func<AuthenticationFailedContext, Task> external)
                {
                    options.Events.OnAuthenticationFailed = external;
                    {|SL2001:options.Events.OnAuthenticationFailed = delegate { return Task.CompletedTask; }|};
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source);
    }
}
