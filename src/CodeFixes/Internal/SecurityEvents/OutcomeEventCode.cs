using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.CodeFixes.Internal.SecurityEvents;

/// <summary>
/// The <c>SecurityLog</c> call for one outcome of an API with an outcome (SPEC §6 table, last column):
/// <c>LogLoginSucceeded</c> / <c>LogLoginFailed</c> / <c>LogLockout</c> for sign-ins and password checks,
/// <c>LogLoginSucceeded(…, method: "mfa")</c> / <c>LogMfaFailed</c> for second factors, <c>LogPasswordChanged</c> /
/// <c>LogSecurityEvent(authentication.password_change_failed)</c> for password changes and resets.
/// </summary>
internal sealed class OutcomeEventCode
{
    private readonly SemanticModel _model;
    private readonly FixScope _scope;
    private readonly string _events;
    private readonly string _api;
    private readonly IInvocationOperation? _invocation;
    private readonly string? _resultLocal;
    private readonly int _position;

    public OutcomeEventCode(SemanticModel model, FixScope scope, string events, string api, IInvocationOperation? invocation, string? resultLocal, int position)
    {
        _model = model;
        _scope = scope;
        _events = events;
        _api = api;
        _invocation = invocation;
        _resultLocal = resultLocal;
        _position = position;
    }

    /// <summary>The statement, or null when the scope lacks what the event needs (no fix then).</summary>
    public string? For(FixOutcome outcome)
    {
        var call = _events switch
        {
            "Login" or "LoginSucceeded" or "LoginFailed" => Login(outcome),
            "Mfa" => Mfa(outcome),
            "PasswordChange" => PasswordChange(outcome),
            _ => null,
        };

        return call is null || _scope.Logger is null ? null : _scope.Logger + "." + call + ";";
    }

    private string? Login(FixOutcome outcome)
    {
        var method = _scope.ExternalLogin is { } external ? ", method: " + external + ".LoginProvider" : "";
        switch (outcome)
        {
            case FixOutcome.Success:
                return _scope.SuccessUserId is { } id ? $"LogLoginSucceeded({Required(id)}{method})" : null;
            case FixOutcome.Lockout:
                return _scope.SuccessUserId is { } locked ? $"LogLockout({Required(locked)})" : null;
            default:
                var reason = outcome == FixOutcome.NotAllowed ? "not_allowed"
                    : _api == "ExternalLoginSignInAsync" ? "external_login_not_linked"
                    : _api.StartsWith("TwoFactor", System.StringComparison.Ordinal) ? "invalid_code"
                    : "invalid_credentials";
                return $"LogLoginFailed({_scope.FailureUserName}, \"{reason}\"{method})";
        }
    }

    private string? Mfa(FixOutcome outcome)
    {
        if (outcome == FixOutcome.Success)
        {
            return _scope.UserObjectId is { } id ? $"LogLoginSucceeded({Required(id)}, method: \"mfa\")" : null;
        }

        var provider = _invocation is null ? null : Analyzers.Internal.SecurityEvents.OperationHelpers.FindArgument(_invocation, "tokenProvider")?.Value.Syntax;
        var method = _api == "RedeemTwoFactorRecoveryCodeAsync" ? "\"recovery_code\""
            : provider is not null && (FixScope.IsSimple(provider) || provider.IsKind(SyntaxKind.StringLiteralExpression)) ? provider.ToString()
            : "\"totp\"";
        return $"LogMfaFailed({_scope.UserObjectId ?? "null"}, {method})";
    }

    private string? PasswordChange(FixOutcome outcome)
    {
        var id = _scope.UserObjectId ?? _scope.SignedInUserId;
        if (outcome == FixOutcome.Success)
        {
            return $"LogPasswordChanged({Required(id)})";
        }

        // IdentityResult.Errors' codes (PasswordMismatch, InvalidToken…) are the reason; without System.Linq in scope,
        // IdentityResult.ToString() carries the same codes.
        var reason = _resultLocal is null ? "\"rejected\""
            : HasLinq() ? $"string.Join(\",\", {_resultLocal}.Errors.Select(e => e.Code))"
            : $"{_resultLocal}.ToString()";
        return $"LogSecurityEvent(new SecurityEvent(SecurityEventNames.AuthenticationPasswordChangeFailed) {{ UserId = {id}, Reason = {reason} }})";
    }

    private bool HasLinq()
    {
        foreach (var symbol in _model.LookupNamespacesAndTypes(_position, name: "Enumerable"))
        {
            if (symbol.ContainingNamespace?.ToDisplayString() == "System.Linq")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The expression, with <c>?? "unknown"</c> when it may be null where the parameter does not accept null.</summary>
    private string Required(string expression)
    {
        if (expression.Contains("??"))
        {
            return expression;
        }

        var parsed = SyntaxFactory.ParseExpression(expression);
        var info = _model.GetSpeculativeTypeInfo(_position, parsed, SpeculativeBindingOption.BindAsExpression);
        return info.Nullability.FlowState == NullableFlowState.MaybeNull || info.Nullability.Annotation == NullableAnnotation.Annotated
            ? expression + " ?? \"unknown\""
            : expression;
    }
}
