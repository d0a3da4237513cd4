using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal.Logging;

namespace SecureLogging.Analyzers.Internal.SecurityEvents;

/// <summary>
/// Per-compilation state shared by SL2001–SL2005: the resolved symbols, the API table, semantic models of callee
/// trees, the implementation index for interface/virtual calls, and one <see cref="MethodSummaries"/> per
/// <c>secure_logging.event_emitters</c> setting. Built once per compilation (a weak table keyed on it), so the five
/// analyzers share every summary and nothing is computed per call.
/// </summary>
internal sealed class SecurityEventContext
{
    public const string EventEmittersKey = "secure_logging.event_emitters";

    private static readonly ConditionalWeakTable<Compilation, SecurityEventContext> Contexts = new();

    private readonly ConcurrentDictionary<string, MethodSummaries> _summaries = new();
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<ISymbol, bool> _vocabularyEventIds = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _vocabularyDefines = new(SymbolEqualityComparer.Default);
    private Dictionary<IMethodSymbol, List<IMethodSymbol>>? _implementations;
    private HashSet<IMethodSymbol>? _endpointHandlers;

    private SecurityEventContext(Compilation compilation)
    {
        Compilation = compilation;
        Symbols = new SecurityEventSymbols(compilation);
        Logging = new LoggingSymbols(compilation);
        Apis = new SecurityApiTable(Symbols);
    }

    public Compilation Compilation { get; }

    public SecurityEventSymbols Symbols { get; }

    public SecurityApiTable Apis { get; }

    /// <summary>The logging APIs of SPEC §4, resolved by the shared recognition the SL1xxx rules use.</summary>
    public LoggingSymbols Logging { get; }

    public static SecurityEventContext Get(Compilation compilation) => Contexts.GetValue(compilation, static c => new SecurityEventContext(c));

    /// <summary>The summaries for the emitter patterns configured for <paramref name="tree"/>.</summary>
    public MethodSummaries GetSummaries(Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options, SyntaxTree tree)
    {
        options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(EventEmittersKey, out var value);
        var patterns = NamePatterns.Parse(value);
        return _summaries.GetOrAdd(patterns.Key, _ => new MethodSummaries(this, patterns));
    }

    /// <summary>
    /// The semantic model of a callee's tree. Summaries of callees in other files need one, and an analyzer has no
    /// other way to get it.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "MicrosoftCodeAnalysisCorrectness",
        "RS1030:Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer",
        Justification = "SPEC §6 Cost: interprocedural summaries of callees (does it emit? is it a wrapper?) need the callee body's operations; computed lazily once per method per compilation and the model is cached per tree.")]
    public SemanticModel? GetModel(SyntaxTree tree)
    {
        if (!Compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

        return _models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
    }

    /// <summary>The operation trees of a source method's bodies (several for partial methods), never null entries.</summary>
    public List<IOperation> GetBodies(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var bodies = new List<IOperation>();
        var target = method.PartialImplementationPart ?? method;
        foreach (var reference in target.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            if (GetModel(node.SyntaxTree) is not { } model)
            {
                continue;
            }

            var operation = model.GetOperation(node, cancellationToken);
            if (operation is null && node is ArrowExpressionClauseSyntax arrow)
            {
                operation = model.GetOperation(arrow.Expression, cancellationToken);
            }

            if (operation is not null)
            {
                bodies.Add(operation);
            }
        }

        return bodies;
    }

    /// <summary>
    /// The source implementations and overrides of an interface or virtual method, from an index built once per
    /// compilation on first need.
    /// </summary>
    public IReadOnlyList<IMethodSymbol> GetImplementations(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (!(method.IsAbstract || method.IsVirtual || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface))
        {
            return System.Array.Empty<IMethodSymbol>();
        }

        var index = LazyInitializer.EnsureInitialized(ref _implementations, () => BuildImplementationIndex(cancellationToken))!;
        return index.TryGetValue(method.OriginalDefinition, out var list) ? list : (IReadOnlyList<IMethodSymbol>)System.Array.Empty<IMethodSymbol>();
    }

    /// <summary>
    /// True when the method is passed as a method group to a minimal-API <c>Map*</c> call somewhere in the compilation
    /// (<c>app.MapPost("/keys", CreateApiKey)</c>): it is then an endpoint handler, a public action of the app. The index
    /// is built once per compilation on first need, from the <c>Map…</c> invocations of every tree.
    /// </summary>
    public bool IsEndpointHandler(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (Symbols.EndpointRouteBuilderExtensions is null || method.DeclaringSyntaxReferences.Length == 0)
        {
            return false;
        }

        var handlers = LazyInitializer.EnsureInitialized(ref _endpointHandlers, () => BuildEndpointHandlerIndex(cancellationToken))!;
        return handlers.Contains(method.OriginalDefinition);
    }

    /// <summary>The method-group handlers (not lambdas: they have no name) of the Map calls of <paramref name="invocation"/>, if it is one.</summary>
    public IEnumerable<IMethodSymbol> EndpointHandlersOf(IInvocationOperation invocation)
    {
        if (Symbols.EndpointRouteBuilderExtensions is not { } endpoints
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, endpoints))
        {
            yield break;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (OperationHelpers.StripConversions(argument.Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { } handler } }
                && handler.DeclaringSyntaxReferences.Length > 0)
            {
                yield return handler;
            }
        }
    }

    private HashSet<IMethodSymbol> BuildEndpointHandlerIndex(CancellationToken cancellationToken)
    {
        var handlers = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in Compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                // Syntax first: only invocations of a Map… method with an argument that can be a method group are bound.
                if (node is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } call
                    || !(call.Expression switch
                    {
                        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                        IdentifierNameSyntax name => name.Identifier.ValueText,
                        _ => "",
                    }).StartsWith("Map", System.StringComparison.Ordinal)
                    || !HasMethodGroupCandidate(call.ArgumentList))
                {
                    continue;
                }

                model ??= GetModel(tree);
                if (model?.GetOperation(call, cancellationToken) is IInvocationOperation invocation)
                {
                    foreach (var handler in EndpointHandlersOf(invocation))
                    {
                        handlers.Add(handler.OriginalDefinition);
                    }
                }
            }
        }

        return handlers;

        static bool HasMethodGroupCandidate(ArgumentListSyntax arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                var expression = argument.Expression;
                while (expression is CastExpressionSyntax cast)
                {
                    expression = cast.Expression;
                }

                if (expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or GenericNameSyntax)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>True when an <c>EventId</c> expression names a vocabulary event (inline, or a static field/property of the compilation).</summary>
    public bool IsVocabularyEventId(IOperation? operation, CancellationToken cancellationToken)
    {
        operation = OperationHelpers.StripConversions(operation);
        switch (operation)
        {
            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter?.Name == "name")
                    {
                        return IsVocabularyNameExpression(argument.Value);
                    }
                }

                return false;
            case IFieldReferenceOperation { Field: { IsStatic: true } field }:
                return _vocabularyEventIds.GetOrAdd(field, f => InitializerNamesVocabulary(f, cancellationToken));
            case IPropertyReferenceOperation { Property: { IsStatic: true } property }:
                return _vocabularyEventIds.GetOrAdd(property, p => InitializerNamesVocabulary(p, cancellationToken));
            default:
                return false;
        }
    }

    /// <summary>
    /// True when <paramref name="delegateReceiver"/> — the field, property or local a logging delegate is invoked
    /// through — was initialised from <c>LoggerMessage.Define…(level, eventId, …)</c> with a vocabulary <c>EventId</c>:
    /// invoking it is a Microsoft.Extensions.Logging call with that EventId (SPEC §6). Looked up once per symbol.
    /// </summary>
    public bool IsVocabularyDefineDelegate(IOperation? delegateReceiver, CancellationToken cancellationToken)
    {
        var symbol = OperationHelpers.StripConversions(delegateReceiver) switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            ILocalReferenceOperation local => local.Local,
            _ => (ISymbol?)null,
        };

        return symbol is not null && Logging.MelLoggerMessage is not null
            && _vocabularyDefines.GetOrAdd(symbol, s => DefineNamesVocabulary(s, cancellationToken));
    }

    /// <summary>The value a static field or property is initialised with (<c>= new EventId(…)</c>, <c>=&gt; …</c>), or null.</summary>
    private static ExpressionSyntax? InitializerOf(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
        PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
        _ => null,
    };

    private bool DefineNamesVocabulary(ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            var initializer = InitializerOf(node);

            if (initializer is not null
                && OperationHelpers.StripConversions(GetModel(node.SyntaxTree)?.GetOperation(initializer, cancellationToken)) is IInvocationOperation define
                && SymbolEqualityComparer.Default.Equals(define.TargetMethod.ContainingType, Logging.MelLoggerMessage)
                && OperationHelpers.FindArgument(define, "eventId") is { } eventId)
            {
                return IsVocabularyEventId(eventId.Value, cancellationToken);
            }
        }

        return false;
    }

    /// <summary>A constant vocabulary name, or a conditional choosing between two (<c>ok ? "authentication.success" : "authentication.failure"</c>).</summary>
    private static bool IsVocabularyNameExpression(IOperation value)
    {
        value = OperationHelpers.StripConversions(value)!;
        return value is IConditionalOperation { WhenFalse: { } whenFalse } conditional
            ? IsVocabularyNameExpression(conditional.WhenTrue) && IsVocabularyNameExpression(whenFalse)
            : SecurityEventVocabulary.IsVocabularyName(OperationHelpers.ConstantString(value));
    }

    private bool InitializerNamesVocabulary(ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            var initializer = InitializerOf(node);

            if (initializer is not null && GetModel(node.SyntaxTree)?.GetOperation(initializer, cancellationToken) is IObjectCreationOperation creation)
            {
                return IsVocabularyEventId(creation, cancellationToken);
            }
        }

        return false;
    }

    private Dictionary<IMethodSymbol, List<IMethodSymbol>> BuildImplementationIndex(CancellationToken cancellationToken)
    {
        var index = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(Compilation.Assembly.GlobalNamespace);
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = stack.Pop();
            foreach (var member in current.GetMembers())
            {
                if (member is INamespaceOrTypeSymbol nested)
                {
                    stack.Push(nested);
                }
            }

            if (current is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
            {
                continue;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol method)
                {
                    for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        Add(index, overridden.OriginalDefinition, method);
                    }
                }
            }

            foreach (var iface in type.AllInterfaces)
            {
                foreach (var member in iface.GetMembers())
                {
                    if (member is IMethodSymbol ifaceMethod
                        && type.FindImplementationForInterfaceMember(ifaceMethod) is IMethodSymbol implementation
                        && SymbolEqualityComparer.Default.Equals(implementation.ContainingAssembly, Compilation.Assembly))
                    {
                        Add(index, ifaceMethod.OriginalDefinition, implementation);
                    }
                }
            }
        }

        return index;

        static void Add(Dictionary<IMethodSymbol, List<IMethodSymbol>> index, IMethodSymbol key, IMethodSymbol value)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = new List<IMethodSymbol>();
            }

            list.Add(value);
        }
    }
}
