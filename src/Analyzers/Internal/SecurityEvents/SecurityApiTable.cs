using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal.SecurityEvents;

/// <summary>The authentication and account APIs of SPEC §6, matched by containing type (generic definition) and name.</summary>
internal sealed class SecurityApiTable
{
    /// <summary>What a wrapper of several different <c>AuthenticateResult</c> factories stands for at its call sites.</summary>
    public static readonly SecurityApi AuthenticateResultApi = new("AuthenticateResult", SecurityApiCategory.Authentication, SecurityApiOutcome.SuccessAndFailure, SecurityApiResultShape.SucceededProperty, SecurityApiEvents.Login);

    public static readonly SecurityApi AuthenticationFailedHook = new("OnAuthenticationFailed", SecurityApiCategory.Authentication, SecurityApiOutcome.FailureOnly, SecurityApiResultShape.None, SecurityApiEvents.LoginFailed);

    public static readonly SecurityApi RemoteFailureHook = new("OnRemoteFailure", SecurityApiCategory.Authentication, SecurityApiOutcome.FailureOnly, SecurityApiResultShape.None, SecurityApiEvents.LoginFailed);

    private static readonly SecurityApi AuthenticateSuccess = new("AuthenticateResult.Success", SecurityApiCategory.Authentication, SecurityApiOutcome.SuccessOnly, SecurityApiResultShape.SucceededProperty, SecurityApiEvents.LoginSucceeded);

    private static readonly SecurityApi AuthenticateFail = new("AuthenticateResult.Fail", SecurityApiCategory.Authentication, SecurityApiOutcome.FailureOnly, SecurityApiResultShape.SucceededProperty, SecurityApiEvents.LoginFailed);

    private readonly List<(INamedTypeSymbol Type, Dictionary<string, SecurityApi> Methods)> _byType = new();
    private static readonly SecurityApi VerifyHashedPassword = Auth("VerifyHashedPassword", SecurityApiResultShape.PasswordVerification, SecurityApiEvents.Login);

    private readonly INamedTypeSymbol? _authenticateResult;
    private readonly INamedTypeSymbol? _passwordHasher;
    private readonly INamedTypeSymbol? _httpContextExtensions;
    private readonly INamedTypeSymbol? _identityConstants;

    public SecurityApiTable(SecurityEventSymbols symbols)
    {
        _authenticateResult = symbols.AuthenticateResult;
        _httpContextExtensions = symbols.AuthenticationHttpContextExtensions;
        _identityConstants = symbols.IdentityConstants;

        Add(symbols.SignInManager, new Dictionary<string, SecurityApi>
        {
            ["PasswordSignInAsync"] = Auth("PasswordSignInAsync", SecurityApiResultShape.SignInResult, SecurityApiEvents.Login),
            ["CheckPasswordSignInAsync"] = Auth("CheckPasswordSignInAsync", SecurityApiResultShape.SignInResult, SecurityApiEvents.Login),
            ["TwoFactorSignInAsync"] = Auth("TwoFactorSignInAsync", SecurityApiResultShape.SignInResult, SecurityApiEvents.Login),
            ["TwoFactorAuthenticatorSignInAsync"] = Auth("TwoFactorAuthenticatorSignInAsync", SecurityApiResultShape.SignInResult, SecurityApiEvents.Login),
            ["TwoFactorRecoveryCodeSignInAsync"] = Auth("TwoFactorRecoveryCodeSignInAsync", SecurityApiResultShape.SignInResult, SecurityApiEvents.Login),
            ["ExternalLoginSignInAsync"] = Auth("ExternalLoginSignInAsync", SecurityApiResultShape.SignInResult, SecurityApiEvents.Login),
            ["SignInAsync"] = NoOutcome("SignInAsync", SecurityApiCategory.Authentication, SecurityApiEvents.LoginSucceeded),
            ["SignInWithClaimsAsync"] = NoOutcome("SignInWithClaimsAsync", SecurityApiCategory.Authentication, SecurityApiEvents.LoginSucceeded),
            ["SignOutAsync"] = NoOutcome("SignOutAsync", SecurityApiCategory.Authentication, SecurityApiEvents.Logout),
        });

        Add(symbols.AuthenticationHttpContextExtensions, new Dictionary<string, SecurityApi>
        {
            ["SignInAsync"] = NoOutcome("SignInAsync", SecurityApiCategory.Authentication, SecurityApiEvents.LoginSucceeded),
            ["SignOutAsync"] = NoOutcome("SignOutAsync", SecurityApiCategory.Authentication, SecurityApiEvents.Logout),
        });

        Add(symbols.UserManager, new Dictionary<string, SecurityApi>
        {
            ["CheckPasswordAsync"] = Auth("CheckPasswordAsync", SecurityApiResultShape.Boolean, SecurityApiEvents.Login),
            ["VerifyTwoFactorTokenAsync"] = Auth("VerifyTwoFactorTokenAsync", SecurityApiResultShape.Boolean, SecurityApiEvents.Mfa),
            ["RedeemTwoFactorRecoveryCodeAsync"] = Auth("RedeemTwoFactorRecoveryCodeAsync", SecurityApiResultShape.SucceededProperty, SecurityApiEvents.Mfa),
            ["ChangePasswordAsync"] = Auth("ChangePasswordAsync", SecurityApiResultShape.SucceededProperty, SecurityApiEvents.PasswordChange),
            ["ResetPasswordAsync"] = Auth("ResetPasswordAsync", SecurityApiResultShape.SucceededProperty, SecurityApiEvents.PasswordChange),
            ["AddPasswordAsync"] = NoOutcome("AddPasswordAsync", SecurityApiCategory.Authentication, SecurityApiEvents.PasswordSet),
            ["RemovePasswordAsync"] = NoOutcome("RemovePasswordAsync", SecurityApiCategory.Authentication, SecurityApiEvents.PasswordSet),
            ["SetTwoFactorEnabledAsync"] = NoOutcome("SetTwoFactorEnabledAsync", SecurityApiCategory.Authentication, SecurityApiEvents.TwoFactorSetting),
            ["ResetAuthenticatorKeyAsync"] = NoOutcome("ResetAuthenticatorKeyAsync", SecurityApiCategory.Authentication, SecurityApiEvents.TwoFactorSetting),
            ["GenerateNewTwoFactorRecoveryCodesAsync"] = NoOutcome("GenerateNewTwoFactorRecoveryCodesAsync", SecurityApiCategory.Authentication, SecurityApiEvents.TwoFactorSetting),
            ["CreateAsync"] = NoOutcome("CreateAsync", SecurityApiCategory.Account, SecurityApiEvents.AccountCreated),
            ["DeleteAsync"] = NoOutcome("DeleteAsync", SecurityApiCategory.Account, SecurityApiEvents.AccountDeleted),
            ["AddToRoleAsync"] = NoOutcome("AddToRoleAsync", SecurityApiCategory.Account, SecurityApiEvents.RoleGranted),
            ["AddToRolesAsync"] = NoOutcome("AddToRolesAsync", SecurityApiCategory.Account, SecurityApiEvents.RoleGranted),
            ["RemoveFromRoleAsync"] = NoOutcome("RemoveFromRoleAsync", SecurityApiCategory.Account, SecurityApiEvents.RoleRevoked),
            ["RemoveFromRolesAsync"] = NoOutcome("RemoveFromRolesAsync", SecurityApiCategory.Account, SecurityApiEvents.RoleRevoked),
            ["AddClaimAsync"] = NoOutcome("AddClaimAsync", SecurityApiCategory.Account, SecurityApiEvents.PermissionGranted),
            ["AddClaimsAsync"] = NoOutcome("AddClaimsAsync", SecurityApiCategory.Account, SecurityApiEvents.PermissionGranted),
            ["ReplaceClaimAsync"] = NoOutcome("ReplaceClaimAsync", SecurityApiCategory.Account, SecurityApiEvents.PermissionGranted),
            ["RemoveClaimAsync"] = NoOutcome("RemoveClaimAsync", SecurityApiCategory.Account, SecurityApiEvents.PermissionRevoked),
            ["RemoveClaimsAsync"] = NoOutcome("RemoveClaimsAsync", SecurityApiCategory.Account, SecurityApiEvents.PermissionRevoked),
            ["SetLockoutEnabledAsync"] = NoOutcome("SetLockoutEnabledAsync", SecurityApiCategory.Account, SecurityApiEvents.AccountUpdated),
            ["SetLockoutEndDateAsync"] = NoOutcome("SetLockoutEndDateAsync", SecurityApiCategory.Account, SecurityApiEvents.AccountUpdated),
            ["AddLoginAsync"] = NoOutcome("AddLoginAsync", SecurityApiCategory.Account, SecurityApiEvents.AccountUpdated),
            ["RemoveLoginAsync"] = NoOutcome("RemoveLoginAsync", SecurityApiCategory.Account, SecurityApiEvents.AccountUpdated),
        });

        Add(symbols.RoleManager, new Dictionary<string, SecurityApi>
        {
            ["CreateAsync"] = NoOutcome("CreateAsync", SecurityApiCategory.Account, SecurityApiEvents.ConfigurationChanged),
            ["DeleteAsync"] = NoOutcome("DeleteAsync", SecurityApiCategory.Account, SecurityApiEvents.ConfigurationChanged),
            ["AddClaimAsync"] = NoOutcome("AddClaimAsync", SecurityApiCategory.Account, SecurityApiEvents.ConfigurationChanged),
            ["RemoveClaimAsync"] = NoOutcome("RemoveClaimAsync", SecurityApiCategory.Account, SecurityApiEvents.ConfigurationChanged),
        });

        _passwordHasher = symbols.IPasswordHasher;
        var verify = new Dictionary<string, SecurityApi> { ["VerifyHashedPassword"] = VerifyHashedPassword };
        Add(symbols.IPasswordHasher, verify);
        Add(symbols.PasswordHasher, verify);
    }

    /// <summary>
    /// The API <paramref name="invocation"/> calls, or null: <see cref="Find(IMethodSymbol, bool)"/>, except that a
    /// <c>HttpContext.SignInAsync/SignOutAsync</c> on one of ASP.NET Core Identity's transient schemes is not one.
    /// </summary>
    public SecurityApi? Find(IInvocationOperation invocation, bool inAuthenticationHandler)
    {
        var api = Find(invocation.TargetMethod, inAuthenticationHandler);
        return api is not null && IsTransientSchemeCookie(invocation) ? null : api;
    }

    /// <summary>
    /// Identity keeps the external login and the half-done two-factor sign-in in cookies of their own schemes
    /// (<c>IdentityConstants.ExternalScheme</c>, <c>TwoFactorUserIdScheme</c>, <c>TwoFactorRememberMeScheme</c>). Clearing
    /// or setting one of them (the Login page's "clear the existing external cookie") signs no user in or out.
    /// </summary>
    private bool IsTransientSchemeCookie(IInvocationOperation invocation)
    {
        if (!SymbolEqualityComparer.Default.Equals((invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).ContainingType?.OriginalDefinition, _httpContextExtensions))
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Name: "scheme" } && IsTransientScheme(argument.Value.WalkDownConversions()))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsTransientScheme(IOperation scheme)
    {
        if (scheme.ConstantValue is { HasValue: true, Value: string text })
        {
            return text is "Identity.External" or "Identity.TwoFactorUserId" or "Identity.TwoFactorRememberMe";
        }

        return scheme is IFieldReferenceOperation { Field.Name: "ExternalScheme" or "TwoFactorUserIdScheme" or "TwoFactorRememberMeScheme" } field
            && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _identityConstants);
    }

    /// <summary>
    /// The API <paramref name="method"/> is, or null. <c>AuthenticateResult.Success/Fail</c> count only inside a custom
    /// <c>AuthenticationHandler&lt;T&gt;</c> (<paramref name="inAuthenticationHandler"/>), where they are the outcome.
    /// </summary>
    public SecurityApi? Find(IMethodSymbol method, bool inAuthenticationHandler)
    {
        if (inAuthenticationHandler && method.IsStatic && _authenticateResult is not null
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, _authenticateResult))
        {
            return method.Name switch
            {
                "Success" => AuthenticateSuccess,
                "Fail" => AuthenticateFail,
                _ => null,
            };
        }

        // An override in an app's SignInManager/UserManager subclass is still the API; calls that do not override bind
        // to the base method directly.
        for (IMethodSymbol? current = method; current is not null; current = current.OverriddenMethod)
        {
            var definition = current.ReducedFrom ?? current;
            var containing = definition.ContainingType?.OriginalDefinition;
            if (containing is null)
            {
                continue;
            }

            foreach (var (type, methods) in _byType)
            {
                if (SymbolEqualityComparer.Default.Equals(containing, type) && methods.TryGetValue(definition.Name, out var api))
                {
                    return api;
                }
            }
        }

        // A call on an app's own hasher class binds to the class: it is still IPasswordHasher<T>.VerifyHashedPassword.
        if (_passwordHasher is not null && method.Name == "VerifyHashedPassword" && method.ContainingType is { } owner)
        {
            foreach (var iface in owner.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(iface.OriginalDefinition, _passwordHasher))
                {
                    return VerifyHashedPassword;
                }
            }
        }

        return null;
    }

    private static SecurityApi Auth(string name, SecurityApiResultShape shape, SecurityApiEvents events)
        => new(name, SecurityApiCategory.Authentication, SecurityApiOutcome.SuccessAndFailure, shape, events);

    private static SecurityApi NoOutcome(string name, SecurityApiCategory category, SecurityApiEvents events)
        => new(name, category, SecurityApiOutcome.None, SecurityApiResultShape.None, events);

    private void Add(INamedTypeSymbol? type, Dictionary<string, SecurityApi> methods)
    {
        if (type is not null)
        {
            _byType.Add((type, methods));
        }
    }
}
