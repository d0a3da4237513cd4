using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Internal.SecurityEvents;

/// <summary>
/// Every type the security-event rules recognise, resolved once per compilation by metadata name. Members are null
/// when the compilation does not reference the type; the rules bail out early when none of theirs is present.
/// </summary>
internal sealed class SecurityEventSymbols
{
    /// <summary>
    /// The audit sinks of well-known frameworks (SPEC §6), by metadata name, and the method that records an event. The
    /// scanner's loose-mode shims (<c>AuditSinkShims</c>) declare the same names.
    /// </summary>
    public static readonly (string MetadataName, string Method)[] AuditSinkNames =
    [
        (DuendeEventService, "RaiseAsync"),
        (IdentityServer4EventService, "RaiseAsync"),
        (AbpIdentitySecurityLogManager, "SaveAsync"),
        ("Volo.Abp.SecurityLog.ISecurityLogManager", "SaveAsync"),
    ];

    public const string DuendeEventService = "Duende.IdentityServer.Services.IEventService";
    public const string IdentityServer4EventService = "IdentityServer4.Services.IEventService";
    public const string AbpIdentitySecurityLogManager = "Volo.Abp.Identity.IdentitySecurityLogManager";

    public SecurityEventSymbols(Compilation compilation)
    {
        SecurityLog = compilation.GetBestTypeByMetadataName("SecureLogging.SecurityLog");
        SecuritySensitiveAttribute = compilation.GetBestTypeByMetadataName("SecureLogging.SecuritySensitiveAttribute");

        AuditSinks = new List<(INamedTypeSymbol Type, string Method)>();
        foreach (var (metadataName, method) in AuditSinkNames)
        {
            if (compilation.GetBestTypeByMetadataName(metadataName) is { } type)
            {
                AuditSinks.Add((type, method));
            }
        }

        SignInManager = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Identity.SignInManager`1");
        UserManager = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Identity.UserManager`1");
        RoleManager = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Identity.RoleManager`1");
        IPasswordHasher = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Identity.IPasswordHasher`1");
        PasswordHasher = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Identity.PasswordHasher`1");
        PasswordVerificationResult = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Identity.PasswordVerificationResult");
        AuthenticationHttpContextExtensions = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions");
        AuthenticationHandler = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Authentication.AuthenticationHandler`1");
        AuthenticateResult = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Authentication.AuthenticateResult");
        IdentityConstants = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Identity.IdentityConstants");
        JwtBearerEvents = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerEvents");
        OpenIdConnectEvents = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectEvents");
        RemoteAuthenticationEvents = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Authentication.RemoteAuthenticationEvents");

        ControllerBase = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
        PageModel = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        PageBase = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageBase");
        NonActionAttribute = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        NonHandlerAttribute = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.NonHandlerAttribute");
        Results = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Http.Results");
        TypedResults = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Http.TypedResults");
        ForbidResult = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.ForbidResult");
        StatusCodeResult = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.StatusCodeResult");
        EndpointRouteBuilderExtensions = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        UnauthorizedAccessException = compilation.GetBestTypeByMetadataName("System.UnauthorizedAccessException");
        SecurityException = compilation.GetBestTypeByMetadataName("System.Security.SecurityException");
        IAuthorizationService = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAuthorizationService");
        AuthorizationServiceExtensions = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Authorization.AuthorizationServiceExtensions");
        Task = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.Task");
        ValueTask = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
    }

    public INamedTypeSymbol? SecurityLog { get; }

    public INamedTypeSymbol? SecuritySensitiveAttribute { get; }

    /// <summary>Audit sinks of well-known frameworks (Duende/IdentityServer, ABP): the type and its event-writing method.</summary>
    public List<(INamedTypeSymbol Type, string Method)> AuditSinks { get; }

    public INamedTypeSymbol? SignInManager { get; }

    public INamedTypeSymbol? UserManager { get; }

    public INamedTypeSymbol? RoleManager { get; }

    public INamedTypeSymbol? IPasswordHasher { get; }

    public INamedTypeSymbol? PasswordHasher { get; }

    public INamedTypeSymbol? PasswordVerificationResult { get; }

    public INamedTypeSymbol? AuthenticationHttpContextExtensions { get; }

    public INamedTypeSymbol? AuthenticationHandler { get; }

    public INamedTypeSymbol? AuthenticateResult { get; }

    public INamedTypeSymbol? IdentityConstants { get; }

    public INamedTypeSymbol? JwtBearerEvents { get; }

    public INamedTypeSymbol? OpenIdConnectEvents { get; }

    public INamedTypeSymbol? RemoteAuthenticationEvents { get; }

    public INamedTypeSymbol? ControllerBase { get; }

    public INamedTypeSymbol? PageModel { get; }

    /// <summary>The base of Razor pages without a PageModel (<c>@functions</c> handlers): it has Forbid() and StatusCode() too.</summary>
    public INamedTypeSymbol? PageBase { get; }

    public INamedTypeSymbol? NonActionAttribute { get; }

    public INamedTypeSymbol? NonHandlerAttribute { get; }

    public INamedTypeSymbol? Results { get; }

    public INamedTypeSymbol? TypedResults { get; }

    public INamedTypeSymbol? ForbidResult { get; }

    public INamedTypeSymbol? StatusCodeResult { get; }

    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }

    public INamedTypeSymbol? UnauthorizedAccessException { get; }

    public INamedTypeSymbol? SecurityException { get; }

    public INamedTypeSymbol? IAuthorizationService { get; }

    public INamedTypeSymbol? AuthorizationServiceExtensions { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? ValueTask { get; }

    /// <summary>True when some authentication or account API of SPEC §6 can occur in this compilation.</summary>
    public bool HasAuthenticationOrAccountApis
        => SignInManager is not null || UserManager is not null || RoleManager is not null || IPasswordHasher is not null
        || AuthenticationHttpContextExtensions is not null || AuthenticationHandler is not null || JwtBearerEvents is not null
        || OpenIdConnectEvents is not null || RemoteAuthenticationEvents is not null;

    /// <summary>True when <paramref name="type"/> is or derives from <paramref name="baseType"/> (generic definitions compared).</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
