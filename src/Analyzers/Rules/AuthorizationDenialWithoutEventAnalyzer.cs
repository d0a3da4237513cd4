using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal.SecurityEvents;

namespace SecureLogging.Analyzers.Rules;

/// <summary>
/// SL2003: an authorization denial the code makes itself — <c>Forbid()</c>, <c>StatusCode(403)</c>,
/// <c>Results/TypedResults.Forbid()</c>, <c>HttpContext.ForbidAsync()</c>, <c>new ForbidResult()</c>, <c>throw new UnauthorizedAccessException/SecurityException</c>,
/// or the failure branch of <c>IAuthorizationService.AuthorizeAsync</c> — with no security event on its path (SPEC §6).
/// <c>Unauthorized()</c> (401) is an authentication failure, not a denial.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AuthorizationDenialWithoutEventAnalyzer : DiagnosticAnalyzer
{
    private const int Forbidden = 403;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SL2003_AuthorizationDenialWithoutEvent);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var securityContext = SecurityEventContext.Get(start.Compilation);
            var symbols = securityContext.Symbols;
            start.RegisterOperationBlockStartAction(block =>
            {
                List<(IOperation Operation, string Name, bool IsAuthorize)>? found = null;

                block.RegisterOperationAction(
                    operationContext =>
                    {
                        var name = DenialName(symbols, operationContext.Operation);
                        var isAuthorize = name is null && IsAuthorizeAsync(symbols, operationContext.Operation);
                        if (name is not null || isAuthorize)
                        {
                            lock (block)
                            {
                                (found ??= new()).Add((operationContext.Operation, name ?? "AuthorizeAsync", isAuthorize));
                            }
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.ObjectCreation);

                block.RegisterOperationBlockEndAction(end =>
                {
                    if (found is null)
                    {
                        return;
                    }

                    var summaries = securityContext.GetSummaries(end.Options, found[0].Operation.Syntax.SyntaxTree);
                    var flows = new List<BodyFlow>();
                    foreach (var root in end.OperationBlocks)
                    {
                        if (BodyFlow.TryCreate(end, root, summaries) is { } flow)
                        {
                            flows.Add(flow);
                        }
                    }

                    foreach (var (operation, name, isAuthorize) in found)
                    {
                        if (operation is IInvocationOperation invocation && summaries.Emits(invocation.TargetMethod, end.CancellationToken))
                        {
                            continue; // an app's own Forbid() that records the denial
                        }

                        foreach (var flow in flows)
                        {
                            if (!flow.TryLocate(operation.Syntax, out var location))
                            {
                                continue;
                            }

                            if (isAuthorize)
                            {
                                var coverage = flow.Analyze(location, operation.Syntax, candidate => DenialName(symbols, candidate, inFlowGraph: true) is not null);
                                if (!coverage.CoveredBefore && coverage.HasFailurePath && !coverage.FailureReachesDenial && !coverage.FailurePathCovered)
                                {
                                    end.ReportDiagnostic(Diagnostic.Create(
                                        Descriptors.SL2003_AuthorizationDenialWithoutEvent,
                                        operation.Syntax.GetLocation(),
                                        Properties(name),
                                        name,
                                        "its failure branch ends without recording who was denied what"));
                                }
                            }
                            else if (!flow.Analyze(location, operation.Syntax).AnyCovered)
                            {
                                end.ReportDiagnostic(Diagnostic.Create(
                                    Descriptors.SL2003_AuthorizationDenialWithoutEvent,
                                    operation.Syntax.GetLocation(),
                                    Properties(name),
                                    name,
                                    "who was denied which action on which resource is not recorded"));
                            }

                            break;
                        }
                    }
                });
            });
        });
    }

    private static ImmutableDictionary<string, string?> Properties(string denial)
        => ImmutableDictionary<string, string?>.Empty.Add(SecurityEventProperties.Api, denial);

    /// <summary>
    /// The denial an operation is (as the message names it), or null. In a control-flow graph a thrown exception is the
    /// branch value of its block and has no <c>IThrowOperation</c> parent: <paramref name="inFlowGraph"/> accepts it as is.
    /// </summary>
    internal static string? DenialName(SecurityEventSymbols symbols, IOperation operation, bool inFlowGraph = false)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
            {
                var method = invocation.TargetMethod;
                var type = method.ContainingType;
                switch (method.Name)
                {
                    case "Forbid" when IsControllerOrPage(symbols, type):
                        return "Forbid()";
                    case "Forbid" when IsType(type, symbols.Results) || IsType(type, symbols.TypedResults):
                        return type.Name + ".Forbid()";
                    case "ForbidAsync" when IsType(type, symbols.AuthenticationHttpContextExtensions):
                        // What Forbid() and Results.Forbid() do when they run; custom middleware and filters call it directly.
                        return "HttpContext.ForbidAsync()";
                    case "StatusCode" when invocation.Arguments.Length > 0 && Is403(invocation.Arguments[0].Value)
                        && (IsControllerOrPage(symbols, type) || IsType(type, symbols.Results) || IsType(type, symbols.TypedResults)):
                        return "StatusCode(403)";
                    default:
                        return null;
                }
            }

            case IObjectCreationOperation { Type: { } created } creation:
                if (SecurityEventSymbols.DerivesFrom(created, symbols.ForbidResult))
                {
                    return "new " + created.Name + "()";
                }

                if (SecurityEventSymbols.DerivesFrom(created, symbols.StatusCodeResult) && creation.Arguments.Length > 0 && Is403(creation.Arguments[0].Value))
                {
                    return "new " + created.Name + "(403)";
                }

                if ((SecurityEventSymbols.DerivesFrom(created, symbols.UnauthorizedAccessException) || SecurityEventSymbols.DerivesFrom(created, symbols.SecurityException))
                    && (inFlowGraph || IsThrown(creation)))
                {
                    return "throw new " + created.Name;
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Controllers and Razor pages (with or without a PageModel) all have Forbid() and StatusCode(int).</summary>
    private static bool IsControllerOrPage(SecurityEventSymbols symbols, INamedTypeSymbol? type)
        => SecurityEventSymbols.DerivesFrom(type, symbols.ControllerBase)
        || SecurityEventSymbols.DerivesFrom(type, symbols.PageModel)
        || SecurityEventSymbols.DerivesFrom(type, symbols.PageBase);

    private static bool IsThrown(IOperation creation)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IThrowOperation;
    }

    private static bool Is403(IOperation value) => OperationHelpers.ConstantInt(value) == Forbidden;

    private static bool IsType(INamedTypeSymbol? type, INamedTypeSymbol? expected)
        => expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    private static bool IsAuthorizeAsync(SecurityEventSymbols symbols, IOperation operation)
    {
        if (operation is not IInvocationOperation { TargetMethod: { Name: "AuthorizeAsync" } method })
        {
            return false;
        }

        var definition = method.ReducedFrom ?? method;
        var type = definition.ContainingType;
        if (IsType(type, symbols.AuthorizationServiceExtensions) || IsType(type, symbols.IAuthorizationService))
        {
            return true;
        }

        if (symbols.IAuthorizationService is { } service && type is not null)
        {
            foreach (var iface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(iface, service))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
