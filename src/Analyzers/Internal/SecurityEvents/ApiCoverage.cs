using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal.SecurityEvents;

/// <summary>How an API invocation is covered by security events.</summary>
internal enum ApiVerdictKind
{
    /// <summary>No path through it emits (SL2001 / SL2004).</summary>
    NoEvent,

    /// <summary>Some outcomes are recorded, others not (SL2002).</summary>
    Partial,
}

/// <summary>One uncovered API invocation.</summary>
internal sealed class ApiVerdict
{
    public ApiVerdict(SyntaxNode node, SecurityApi api, ApiVerdictKind kind, bool successMissing, bool failureMissing, string? wrapper = null)
    {
        Node = node;
        Api = api;
        Kind = kind;
        SuccessMissing = successMissing;
        FailureMissing = failureMissing;
        Wrapper = wrapper;
    }

    /// <summary>The app's method called at <see cref="Node"/> when it is a wrapper returning the API's raw result; null for a direct call.</summary>
    public string? Wrapper { get; }

    /// <summary>What the message calls the invocation: the method called there (the wrapper, or the API itself).</summary>
    public string DisplayName => Wrapper ?? Api.Name;

    /// <summary>The verb phrase for the message, saying which API a wrapper returns the result of.</summary>
    public string DisplayDescription => Wrapper is null ? Description : "returns the result of '" + Api.Name + "', which " + Description;

    /// <summary>The SL2002 path phrase, naming the wrapped API at a wrapper's call site.</summary>
    public string DisplayMissingPaths => Wrapper is null ? MissingPaths : MissingPaths + " path of the '" + Api.Name + "' result it returns";

    /// <summary>The invocation (or the hook assignment) the diagnostic is reported at.</summary>
    public SyntaxNode Node { get; }

    public SecurityApi Api { get; }

    public ApiVerdictKind Kind { get; }

    public bool SuccessMissing { get; }

    public bool FailureMissing { get; }

    /// <summary>"success", "failure" or "success and failure" (for the message).</summary>
    public string MissingPaths => SuccessMissing && FailureMissing ? "success and failure" : SuccessMissing ? "success" : "failure";

    /// <summary>What the fix needs: the API, its events, and which paths are missing.</summary>
    public ImmutableDictionary<string, string?> Properties => ImmutableDictionary<string, string?>.Empty
        .Add(SecurityEventProperties.Api, Api.Name)
        .Add(SecurityEventProperties.Events, Api.Events.ToString())
        .Add(SecurityEventProperties.Outcome, Api.Outcome.ToString())
        .Add(SecurityEventProperties.Missing, Kind == ApiVerdictKind.NoEvent ? "all" : SuccessMissing && FailureMissing ? "success,failure" : SuccessMissing ? "success" : "failure");

    /// <summary>The verb phrase the messages use for the API.</summary>
    public string Description => Api.Events switch
    {
        SecurityApiEvents.Login => "checks a user's credentials",
        SecurityApiEvents.LoginSucceeded => "signs a user in",
        SecurityApiEvents.LoginFailed => "handles an authentication failure",
        SecurityApiEvents.Logout => "signs a user out",
        SecurityApiEvents.Mfa => "verifies a second authentication factor",
        SecurityApiEvents.PasswordChange => "changes a password",
        SecurityApiEvents.PasswordSet => "sets or removes a password",
        SecurityApiEvents.TwoFactorSetting => "changes two-factor authentication settings",
        SecurityApiEvents.AccountCreated => "creates an account",
        SecurityApiEvents.AccountDeleted => "deletes an account",
        SecurityApiEvents.RoleGranted => "grants a role",
        SecurityApiEvents.RoleRevoked => "revokes a role",
        SecurityApiEvents.PermissionGranted => "grants a claim",
        SecurityApiEvents.PermissionRevoked => "revokes a claim",
        SecurityApiEvents.AccountUpdated => "changes an account's lockout or external logins",
        SecurityApiEvents.ConfigurationChanged => Api.Name switch
        {
            "CreateAsync" => "creates a role",
            "DeleteAsync" => "deletes a role",
            "AddClaimAsync" => "grants a claim to a role",
            "RemoveClaimAsync" => "revokes a claim from a role",
            _ => "changes a role",
        },
        _ => "performs a security operation",
    };
}

/// <summary>The diagnostic property names the SL2001–SL2005 fixes read.</summary>
internal static class SecurityEventProperties
{
    public const string Api = "Api";
    public const string Events = "Events";
    public const string Outcome = "Outcome";
    public const string Missing = "Missing";
    public const string Operation = "Operation";
}

/// <summary>
/// The shared driver of SL2001, SL2002 and SL2004: collects the API invocations of each operation block (live, as the
/// IDE analyses the block), then judges each against the block's control-flow graph. Each rule registers it and keeps
/// the verdicts it owns.
/// </summary>
internal static class ApiCoverage
{
    public static void Register(CompilationStartAnalysisContext start, Func<ApiVerdict, Diagnostic?> createDiagnostic)
    {
        var context = SecurityEventContext.Get(start.Compilation);
        if (!context.Symbols.HasAuthenticationOrAccountApis)
        {
            return;
        }

        var resultTypes = ResultTypes(start.Compilation);
        start.RegisterOperationBlockStartAction(block =>
        {
            var summaries = context.GetSummaries(block.Options, block.OwningSymbol.Locations.Length > 0 && block.OwningSymbol.Locations[0].SourceTree is { } tree ? tree : block.OperationBlocks[0].Syntax.SyntaxTree);
            var inHandler = summaries.IsAuthenticationHandler(block.OwningSymbol.ContainingType);
            List<(IOperation Operation, SecurityApi Api, string? Wrapper)>? found = null;

            block.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var api = context.Apis.Find(invocation, inHandler);
                    string? wrapper = null;
                    if (api is null && MayWrap(invocation.TargetMethod, start.Compilation.Assembly, resultTypes))
                    {
                        api = summaries.GetWrappedApiOfCall(invocation.TargetMethod, operationContext.CancellationToken);
                        wrapper = invocation.TargetMethod.Name;
                    }

                    if (api is not null)
                    {
                        lock (block)
                        {
                            (found ??= new()).Add((invocation, api, wrapper));
                        }
                    }
                },
                OperationKind.Invocation);

            block.RegisterOperationAction(
                operationContext =>
                {
                    var assignment = (ISimpleAssignmentOperation)operationContext.Operation;
                    if (FailureHook(context.Symbols, assignment) is { } hook && !HookEmits(summaries, assignment.Value, operationContext.CancellationToken))
                    {
                        if (createDiagnostic(new ApiVerdict(assignment.Syntax, hook, ApiVerdictKind.NoEvent, successMissing: false, failureMissing: true)) is { } diagnostic)
                        {
                            operationContext.ReportDiagnostic(diagnostic);
                        }
                    }
                },
                OperationKind.SimpleAssignment);

            block.RegisterOperationBlockEndAction(end =>
            {
                if (found is null)
                {
                    return;
                }

                foreach (var verdict in Judge(end, summaries, found))
                {
                    if (createDiagnostic(verdict) is { } diagnostic)
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                }
            });
        });
    }

    private static IEnumerable<ApiVerdict> Judge(OperationBlockAnalysisContext end, MethodSummaries summaries, List<(IOperation Operation, SecurityApi Api, string? Wrapper)> found)
    {
        var cancellationToken = end.CancellationToken;
        var flows = new List<BodyFlow>();
        foreach (var block in end.OperationBlocks)
        {
            if (BodyFlow.TryCreate(end, block, summaries) is { } flow)
            {
                flows.Add(flow);
            }
        }

        var wrapper = end.OwningSymbol is IMethodSymbol owner ? summaries.GetWrapper(owner, cancellationToken) : null;
        var verdicts = new List<ApiVerdict>();
        var handlerOutcomeCovered = false;
        foreach (var (operation, api, wrapperName) in found)
        {
            if (wrapper is not null && wrapper.RawInvocations.Contains(operation.Syntax))
            {
                continue; // a wrapper's raw result is judged at its callers
            }

            if (operation is IInvocationOperation invocation && summaries.Emits(invocation.TargetMethod, cancellationToken))
            {
                handlerOutcomeCovered |= IsHandlerOutcome(api);
                continue; // a wrapper that emits covers its own call
            }

            PathCoverage? coverage = null;
            BodyFlow? apiFlow = null;
            FlowLocation apiLocation = default;
            foreach (var flow in flows)
            {
                if (flow.TryLocate(operation.Syntax, out apiLocation))
                {
                    coverage = flow.Analyze(apiLocation, operation.Syntax);
                    apiFlow = flow;
                    break;
                }
            }

            if (coverage is null)
            {
                continue;
            }

            var verdict = Verdict(operation.Syntax, api, coverage, wrapperName);
            if (verdict is not null && CoveredAroundLambda(apiFlow!, apiLocation))
            {
                verdict = null;
            }

            if (verdict is null)
            {
                handlerOutcomeCovered |= IsHandlerOutcome(api);
            }
            else
            {
                verdicts.Add(verdict);
            }
        }

        foreach (var verdict in verdicts)
        {
            // A handler that records some of its outcomes but not this one: the outcome is logged on some paths only.
            if (handlerOutcomeCovered && verdict.Kind == ApiVerdictKind.NoEvent && IsHandlerOutcome(verdict.Api))
            {
                yield return new ApiVerdict(verdict.Node, verdict.Api, ApiVerdictKind.Partial, verdict.Api.Outcome != SecurityApiOutcome.FailureOnly, verdict.Api.Outcome != SecurityApiOutcome.SuccessOnly, verdict.Wrapper);
            }
            else
            {
                yield return verdict;
            }
        }
    }

    /// <summary>
    /// An API inside a lambda that runs as part of the body around it (<c>Task.WhenAll(roles.Select(r =>
    /// _users.AddToRoleAsync(user, r)))</c> followed by one <c>LogRoleGranted</c>) is on the paths of that body: an
    /// event before or after the lambda there covers it. Minimal-API handler lambdas are unaffected in practice: the
    /// code that maps them emits nothing.
    /// </summary>
    private static bool CoveredAroundLambda(BodyFlow flow, FlowLocation location)
    {
        for (var depth = 0; depth < 8 && flow.TryGetLambdaSite(location, out var site, out var lambda); depth++)
        {
            if (flow.Analyze(site, lambda).AnyCovered)
            {
                return true;
            }

            location = site;
        }

        return false;
    }

    private static bool IsHandlerOutcome(SecurityApi api)
        => api.Outcome is SecurityApiOutcome.SuccessOnly or SecurityApiOutcome.FailureOnly || ReferenceEquals(api, SecurityApiTable.AuthenticateResultApi);

    private static ApiVerdict? Verdict(SyntaxNode node, SecurityApi api, PathCoverage coverage, string? wrapper)
    {
        switch (api.Outcome)
        {
            case SecurityApiOutcome.SuccessAndFailure:
                if (!coverage.AnyCovered)
                {
                    return new ApiVerdict(node, api, ApiVerdictKind.NoEvent, true, true, wrapper);
                }

                var successMissing = coverage.SuccessUncovered;
                var failureMissing = coverage.FailureUncovered;
                return successMissing || failureMissing ? new ApiVerdict(node, api, ApiVerdictKind.Partial, successMissing, failureMissing, wrapper) : null;
            case SecurityApiOutcome.None:
                return coverage.SuccessCovered ? null : new ApiVerdict(node, api, ApiVerdictKind.NoEvent, true, false, wrapper);
            default:
                return coverage.AnyCovered ? null : new ApiVerdict(node, api, ApiVerdictKind.NoEvent, api.Outcome == SecurityApiOutcome.SuccessOnly, api.Outcome == SecurityApiOutcome.FailureOnly, wrapper);
        }
    }

    /// <summary>The failure hook an assignment sets (<c>JwtBearerEvents.OnAuthenticationFailed</c>, <c>OnRemoteFailure</c>…), or null.</summary>
    private static SecurityApi? FailureHook(SecurityEventSymbols symbols, ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
        {
            return null;
        }

        var owner = property.ContainingType;
        switch (property.Name)
        {
            case "OnAuthenticationFailed" when SecurityEventSymbols.DerivesFrom(owner, symbols.JwtBearerEvents) || SecurityEventSymbols.DerivesFrom(owner, symbols.OpenIdConnectEvents):
                return SecurityApiTable.AuthenticationFailedHook;
            case "OnRemoteFailure" when SecurityEventSymbols.DerivesFrom(owner, symbols.RemoteAuthenticationEvents):
                return SecurityApiTable.RemoteFailureHook;
            default:
                return null;
        }
    }

    /// <summary>
    /// True when the assigned handler emits, or cannot be seen (a delegate from elsewhere): only a lambda or method of the
    /// compilation that emits nothing is reported.
    /// </summary>
    private static bool HookEmits(MethodSummaries summaries, IOperation value, System.Threading.CancellationToken cancellationToken)
    {
        switch (OperationHelpers.StripConversions(value))
        {
            case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                foreach (var operation in lambda.Body.Descendants())
                {
                    if (operation is IInvocationOperation invocation && summaries.InvocationEmits(invocation, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            case IDelegateCreationOperation { Target: IMethodReferenceOperation reference }:
                return reference.Method.DeclaringSyntaxReferences.Length == 0 || summaries.Emits(reference.Method, cancellationToken);
            case IAnonymousFunctionOperation lambda:
                foreach (var operation in lambda.Body.Descendants())
                {
                    if (operation is IInvocationOperation invocation && summaries.InvocationEmits(invocation, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// Only methods returning an API result type can be wrappers (SPEC §6: SignInResult, IdentityResult,
    /// AuthenticateResult, PasswordVerificationResult, the bool of CheckPasswordAsync): a cheap filter before any summary.
    /// </summary>
    private static bool MayWrap(IMethodSymbol method, IAssemblySymbol compilationAssembly, ImmutableHashSet<ITypeSymbol> resultTypes)
    {
        if (method.ReturnsVoid || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilationAssembly))
        {
            return false;
        }

        var type = method.ReturnType;
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named && named.Name is "Task" or "ValueTask")
        {
            type = named.TypeArguments[0];
        }

        return type.SpecialType == SpecialType.System_Boolean || resultTypes.Contains(type);
    }

    private static ImmutableHashSet<ITypeSymbol> ResultTypes(Compilation compilation)
    {
        var builder = ImmutableHashSet.CreateBuilder<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in new[]
        {
            "Microsoft.AspNetCore.Identity.SignInResult",
            "Microsoft.AspNetCore.Identity.IdentityResult",
            "Microsoft.AspNetCore.Identity.PasswordVerificationResult",
            "Microsoft.AspNetCore.Authentication.AuthenticateResult",
        })
        {
            if (compilation.GetBestTypeByMetadataName(name) is { } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }
}
