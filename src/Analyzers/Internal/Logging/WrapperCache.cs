using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal.Logging;

/// <summary>
/// Decides once per method per compilation whether a method of the compilation is a logging wrapper (SPEC §4): it
/// carries Serilog's/NLog's <c>[MessageTemplateFormatMethod]</c>, or passes its own parameter on to a logging call
/// (transitively: a wrapper of a wrapper is a wrapper).
/// </summary>
internal sealed class WrapperCache
{
    [ThreadStatic]
    private static HashSet<IMethodSymbol>? s_inProgress;

    private readonly LoggingCallRecognizer _recognizer;
    private readonly ConcurrentDictionary<IMethodSymbol, WrapperInfo?> _cache = new(SymbolEqualityComparer.Default);
    private readonly Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>> _subtypes;

    public WrapperCache(LoggingCallRecognizer recognizer)
    {
        _recognizer = recognizer;
        _subtypes = new Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>>(IndexSubtypes, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public WrapperInfo? Get(IMethodSymbol method)
    {
        if (_cache.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var inProgress = s_inProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(method))
        {
            // Recursion: a method that only forwards to itself is not a wrapper on that path.
            return null;
        }

        WrapperInfo? info;
        try
        {
            info = FromAttribute(method) ?? FromBody(method) ?? FromImplementations(method);
        }
        finally
        {
            inProgress.Remove(method);
        }

        return _cache.GetOrAdd(method, info);
    }

    private WrapperInfo? FromAttribute(IMethodSymbol method)
    {
        var symbols = _recognizer.Symbols;
        foreach (var attribute in method.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is null ||
                !(SymbolEqualityComparer.Default.Equals(type, symbols.SerilogTemplateFormatMethodAttribute) ||
                  SymbolEqualityComparer.Default.Equals(type, symbols.NLogTemplateFormatMethodAttribute)) ||
                attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string templateName)
            {
                continue;
            }

            var roles = new WrapperRole[method.Parameters.Length];
            var seenTemplate = false;
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == templateName)
                {
                    roles[parameter.Ordinal] = new WrapperRole(LoggingCallRecognizer.ParameterRole.Template, null, false);
                    seenTemplate = true;
                }
                else if (seenTemplate && !_recognizer.IsIgnoredType(parameter.Type))
                {
                    roles[parameter.Ordinal] = new WrapperRole(LoggingCallRecognizer.ParameterRole.Arguments, null, false);
                }
            }

            return seenTemplate ? new WrapperInfo(ImmutableArray.Create(roles)) : null;
        }

        return null;
    }

    private WrapperInfo? FromBody(IMethodSymbol method)
    {
        if (method.IsAbstract || method.IsExtern || method.Parameters.Length == 0)
        {
            return null;
        }

        WrapperRole[]? roles = null;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var body = BodyOf(reference.GetSyntax());
            if (body is null || !ForwardsAParameter(body, method))
            {
                continue;
            }

#pragma warning disable RS1030 // Call sites of a wrapper are in other members and files; each wrapper is bound once per compilation.
            var model = _recognizer.Symbols.Compilation.GetSemanticModel(body.SyntaxTree);
#pragma warning restore RS1030
            var operation = model.GetOperation(body);
            if (operation is null)
            {
                continue;
            }

            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (descendant is not IInvocationOperation invocation || !_recognizer.TryRecognize(invocation, out var call) || call is null)
                {
                    continue;
                }

                if (ParameterOf(call.Message, method) is { } template)
                {
                    roles ??= new WrapperRole[method.Parameters.Length];
                    roles[template.Ordinal] = new WrapperRole(LoggingCallRecognizer.ParameterRole.Template, null, false);
                }

                foreach (var value in call.Values)
                {
                    if (ParameterOf(value.Value, method) is not { } parameter)
                    {
                        continue;
                    }

                    roles ??= new WrapperRole[method.Parameters.Length];
                    if (roles[parameter.Ordinal].Kind != LoggingCallRecognizer.ParameterRole.None)
                    {
                        continue;
                    }

                    roles[parameter.Ordinal] = parameter.Type is IArrayTypeSymbol && value.Placeholder is null
                        ? new WrapperRole(LoggingCallRecognizer.ParameterRole.Arguments, null, false)
                        : new WrapperRole(LoggingCallRecognizer.ParameterRole.Value, value.Placeholder ?? parameter.Name, value.IsDestructured);
                }
            }
        }

        return roles is null ? null : new WrapperInfo(ImmutableArray.Create(roles));
    }

    /// <summary>
    /// An interface or abstract/virtual method is a wrapper when an implementation in the compilation is one: call
    /// sites go through the interface (eShopOnWeb's <c>IAppLogger&lt;T&gt;.LogInformation(message, args)</c>, implemented
    /// by an adapter that forwards both to <c>ILogger</c>). Parameters keep their ordinals across implementations.
    /// </summary>
    private WrapperInfo? FromImplementations(IMethodSymbol method)
    {
        var containing = method.ContainingType;
        if (!(method.IsAbstract || method.IsVirtual) || containing is null ||
            !_subtypes.Value.TryGetValue(containing.OriginalDefinition, out var subtypes))
        {
            return null;
        }

        foreach (var subtype in subtypes)
        {
            if (Implementation(subtype, method) is { } implementation && Get(implementation.OriginalDefinition) is { } info)
            {
                return info;
            }
        }

        return null;
    }

    private static IMethodSymbol? Implementation(INamedTypeSymbol type, IMethodSymbol method)
    {
        var comparer = SymbolEqualityComparer.Default;
        if (method.ContainingType.TypeKind == TypeKind.Interface)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (!comparer.Equals(implemented.OriginalDefinition, method.ContainingType.OriginalDefinition))
                {
                    continue;
                }

                foreach (var member in implemented.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol candidate && comparer.Equals(candidate.OriginalDefinition, method.OriginalDefinition) &&
                        type.FindImplementationForInterfaceMember(candidate) is IMethodSymbol found)
                    {
                        return found;
                    }
                }
            }

            return null;
        }

        foreach (var member in type.GetMembers(method.Name))
        {
            for (var overridden = (member as IMethodSymbol)?.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (comparer.Equals(overridden.OriginalDefinition, method.OriginalDefinition))
                {
                    return (IMethodSymbol)member;
                }
            }
        }

        return null;
    }

    /// <summary>Every source type of the compilation under each interface it implements and each base class it derives from (built once, on first need).</summary>
    private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> IndexSubtypes()
    {
        var index = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(_recognizer.Symbols.Compilation.SourceModule.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    pending.Push(ns);
                    continue;
                }

                if (member is not INamedTypeSymbol type || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
                {
                    continue;
                }

                pending.Push(type);
                foreach (var implemented in type.AllInterfaces)
                {
                    Add(index, implemented.OriginalDefinition, type);
                }

                for (var baseType = type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
                {
                    Add(index, baseType.OriginalDefinition, type);
                }
            }
        }

        return index;

        static void Add(Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> index, INamedTypeSymbol key, INamedTypeSymbol type)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = new List<INamedTypeSymbol>(1);
            }

            list.Add(type);
        }
    }

    private static IParameterSymbol? ParameterOf(IOperation? operation, IMethodSymbol method)
        => operation?.WalkDownConversions() is IParameterReferenceOperation reference &&
           SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, method)
            ? reference.Parameter
            : null;

    private static SyntaxNode? BodyOf(SyntaxNode declaration) => declaration switch
    {
        BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
        LocalFunctionStatementSyntax f => (SyntaxNode?)f.Body ?? f.ExpressionBody,
        _ => null,
    };

    /// <summary>
    /// Cheap syntactic gate before binding: some invocation in the body passes a parameter by name to a method whose
    /// name is one a logging API or wrapper uses (Log*, Info, Debug, Warn*, Error, Fatal, Trace*, Verbose, Write*,
    /// Print, *Format, BeginScope, ForContext, PushProperty, WithProperty), or to a delegate field (<c>s_log(…)</c>).
    /// Binding every method with parameters would cost as much as compiling the project again.
    /// </summary>
    private static bool ForwardsAParameter(SyntaxNode body, IMethodSymbol method)
    {
        foreach (var node in body.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax invocation || !LooksLikeLogging(InvokedName(invocation.Expression)))
            {
                continue;
            }

            foreach (var argumentNode in invocation.ArgumentList.DescendantNodes())
            {
                if (argumentNode is not IdentifierNameSyntax identifier)
                {
                    continue;
                }

                var text = identifier.Identifier.ValueText;
                foreach (var parameter in method.Parameters)
                {
                    if (parameter.Name == text)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static string InvokedName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => string.Empty,
    };

    private static bool LooksLikeLogging(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        if (name[0] == '_' || char.IsLower(name[0]) || name.StartsWith("Log", StringComparison.Ordinal) ||
            name.StartsWith("Write", StringComparison.Ordinal) || name.StartsWith("Trace", StringComparison.Ordinal) ||
            name.StartsWith("Warn", StringComparison.Ordinal) || name.EndsWith("Format", StringComparison.Ordinal))
        {
            return true;
        }

        return name is "Info" or "Information" or "Debug" or "Error" or "Fatal" or "Verbose" or "Critical" or "Print" or
            "BeginScope" or "ForContext" or "PushProperty" or "WithProperty" or "Audit" or "Record";
    }
}
