using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal.SecurityEvents;

namespace SecureLogging.Analyzers.Rules;

/// <summary>
/// SL2005: a security-sensitive operation — a <c>[SecuritySensitive("…")]</c> method, or a public action of a controller,
/// Razor page or minimal API whose name starts with Export, BulkDelete, DeleteAll, Purge, or creates / generates /
/// rotates / revokes an ApiKey (<c>secure_logging.sensitive_operations</c>) — that emits no security event on any
/// path, itself or through the methods it calls (SPEC §6). Reported at the method name, from the method's own body
/// (a method group mapped as a minimal-API handler is found through a per-compilation index of the <c>Map*</c> calls).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SensitiveOperationWithoutEventAnalyzer : DiagnosticAnalyzer
{
    public const string SensitiveOperationsKey = "secure_logging.sensitive_operations";

    /// <summary>The SPEC §6 default names; a configured list replaces it.</summary>
    public const string DefaultSensitiveOperations = "Export*, BulkDelete*, DeleteAll*, Purge*, Create*ApiKey*, Generate*ApiKey*, Rotate*ApiKey*, Revoke*ApiKey*";

    private static readonly NamePatterns DefaultPatterns = NamePatterns.Parse(DefaultSensitiveOperations);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SL2005_SensitiveOperationWithoutEvent);

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
                if (block.OwningSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    var tree = block.OperationBlocks[0].Syntax.SyntaxTree;
                    var patterns = Patterns(block.Options, tree);

                    // A controller or page action, a [SecuritySensitive] method, or a method mapped as a minimal-API
                    // handler anywhere in the compilation: judged and reported here, in its own body, at its name.
                    var reason = Reason(symbols, method, patterns, minimalApi: false)
                        ?? (patterns.Matches(method.Name) && securityContext.IsEndpointHandler(method, block.CancellationToken)
                            ? Reason(symbols, method, patterns, minimalApi: true)
                            : null);
                    if (reason is { } found)
                    {
                        block.RegisterOperationBlockEndAction(end =>
                        {
                            var summaries = securityContext.GetSummaries(end.Options, tree);
                            foreach (var root in end.OperationBlocks)
                            {
                                foreach (var operation in root.DescendantsAndSelf())
                                {
                                    if (operation is IInvocationOperation invocation && summaries.InvocationEmits(invocation, end.CancellationToken))
                                    {
                                        return;
                                    }
                                }
                            }

                            Report(end.ReportDiagnostic, method, found);
                        });
                    }
                }

                if (symbols.EndpointRouteBuilderExtensions is not null)
                {
                    // A local function mapped as a handler (top-level Program.cs) has no block of its own: the body that
                    // declares and maps it reports it, once however often it is mapped.
                    HashSet<IMethodSymbol>? reported = null;
                    block.RegisterOperationAction(
                        operationContext =>
                        {
                            var invocation = (IInvocationOperation)operationContext.Operation;
                            foreach (var handler in securityContext.EndpointHandlersOf(invocation))
                            {
                                if (handler.MethodKind != MethodKind.LocalFunction
                                    || Reason(symbols, handler, Patterns(operationContext.Options, invocation.Syntax.SyntaxTree), minimalApi: true) is not { } reason
                                    || securityContext.GetSummaries(operationContext.Options, invocation.Syntax.SyntaxTree).Emits(handler, operationContext.CancellationToken))
                                {
                                    continue;
                                }

                                lock (block)
                                {
                                    if (!(reported ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(handler))
                                    {
                                        continue;
                                    }
                                }

                                Report(operationContext.ReportDiagnostic, handler, reason);
                            }
                        },
                        OperationKind.Invocation);
                }
            });
        });
    }

    private static void Report(System.Action<Diagnostic> report, IMethodSymbol method, (string Reason, string Operation) reason)
    {
        if (method.Locations.Length > 0 && method.Locations[0].IsInSource)
        {
            report(Diagnostic.Create(
                Descriptors.SL2005_SensitiveOperationWithoutEvent,
                method.Locations[0],
                ImmutableDictionary<string, string?>.Empty.Add(SecurityEventProperties.Operation, reason.Operation),
                method.Name,
                reason.Reason));
        }
    }

    private static NamePatterns Patterns(AnalyzerOptions options, SyntaxTree tree)
        => options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(SensitiveOperationsKey, out var value) && !string.IsNullOrWhiteSpace(value)
            ? NamePatterns.Parse(value)
            : DefaultPatterns;

    /// <summary>Why the method is a sensitive operation (for the message) and the event it stands for (for the fix); null when it is not.</summary>
    internal static (string Reason, string Operation)? Reason(SecurityEventSymbols symbols, IMethodSymbol method, NamePatterns patterns, bool minimalApi)
    {
        if (symbols.SecuritySensitiveAttribute is { } attributeType)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    var operation = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string op ? op : "";
                    return ("is marked [SecuritySensitive(\"" + operation + "\")]", operation);
                }
            }
        }

        var name = minimalApi ? method.Name : ActionName(symbols, method);
        if (name is null || !patterns.Matches(name))
        {
            return null;
        }

        return ("is a security-sensitive operation (" + name + ")", OperationOf(name));
    }

    /// <summary>The action name of a public controller action or Razor page handler (<c>OnPostExportAsync</c> → <c>ExportAsync</c>), else null.</summary>
    private static string? ActionName(SecurityEventSymbols symbols, IMethodSymbol method)
    {
        if (method.DeclaredAccessibility != Accessibility.Public || method.IsStatic || method.IsAbstract || method.MethodKind != MethodKind.Ordinary)
        {
            return null;
        }

        var type = method.ContainingType;
        if (SecurityEventSymbols.DerivesFrom(type, symbols.ControllerBase) || HasControllerAttribute(type))
        {
            return HasAttribute(method, symbols.NonActionAttribute) ? null : method.Name;
        }

        if (SecurityEventSymbols.DerivesFrom(type, symbols.PageModel) && !HasAttribute(method, symbols.NonHandlerAttribute))
        {
            foreach (var verb in new[] { "OnGet", "OnPost", "OnPut", "OnDelete", "OnPatch" })
            {
                if (method.Name.StartsWith(verb, System.StringComparison.Ordinal) && method.Name.Length > verb.Length)
                {
                    return method.Name.Substring(verb.Length);
                }
            }
        }

        return null;
    }

    private static bool HasControllerAttribute(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "ApiControllerAttribute" or "ControllerAttribute", ContainingNamespace.Name: "Mvc" })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    private static string OperationOf(string name)
    {
        if (name.StartsWith("Export", System.StringComparison.OrdinalIgnoreCase))
        {
            return "data.exported";
        }

        if (name.IndexOf("ApiKey", System.StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return name.StartsWith("Revoke", System.StringComparison.OrdinalIgnoreCase) ? "api_key.revoked" : "api_key.created";
        }

        return "data.bulk_deleted";
    }
}
