using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal.Logging;

namespace SecureLogging.Analyzers.Internal.SecurityEvents;

/// <summary>What a wrapper method stands for at its call sites, and which API calls inside it it returns raw.</summary>
internal sealed class WrapperInfo
{
    public WrapperInfo(SecurityApi api, HashSet<SyntaxNode> rawInvocations)
    {
        Api = api;
        RawInvocations = rawInvocations;
    }

    public SecurityApi Api { get; }

    /// <summary>The API invocations whose result the wrapper returns unchanged: they are judged at the wrapper's callers.</summary>
    public HashSet<SyntaxNode> RawInvocations { get; }
}

/// <summary>
/// Security-event recognition (SPEC §6 "Security events") and the two interprocedural summaries: does a method emit a
/// security event on some path (transitively, through implementations of interface/virtual calls), and is it a
/// wrapper of an authentication or account API. Each summary is computed lazily, once per method, and only for
/// methods reached from a body that contains an API, a denial or a sensitive operation.
/// </summary>
internal sealed class MethodSummaries
{
    private static readonly SymbolDisplayFormat QualifiedNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    private readonly SecurityEventContext _context;
    private readonly NamePatterns _emitters;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _emits = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, WrapperInfo?> _wrappers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _configuredEmitters = new(SymbolEqualityComparer.Default);

    public MethodSummaries(SecurityEventContext context, NamePatterns emitters)
    {
        _context = context;
        _emitters = emitters;
    }

    public SecurityEventContext Context => _context;

    private SecurityEventSymbols Symbols => _context.Symbols;

    /// <summary>True when the invocation is a security event by itself (no look into the callee).</summary>
    public bool IsDirectEvent(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        // A LoggerMessage.Define delegate (Action<ILogger, …>) invoked through the field it was stored in.
        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            return method.Parameters.Length >= 2
                && _context.Logging.MelILogger is { } melLogger
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, melLogger)
                && _context.IsVocabularyDefineDelegate(invocation.Instance, cancellationToken);
        }

        // Which logging API a call is comes from the shared recognition of SPEC §4 (one hash probe on the type).
        var logging = _context.Logging;
        logging.FrameworkOf(type, out var framework);
        if (framework == LoggingFramework.SecurityEvent)
        {
            return true;
        }

        if (method.Name == "LogSecurityEvent" && type.ContainingNamespace is { Name: "SecureLogging", ContainingNamespace.IsGlobalNamespace: true })
        {
            return true;
        }

        foreach (var (sinkType, sinkMethod) in Symbols.AuditSinks)
        {
            if (method.Name == sinkMethod && IsOrImplements(type, sinkType))
            {
                return true;
            }
        }

        if (method.IsPartialDefinition | method.PartialImplementationPart is not null | method.PartialDefinitionPart is not null
            && LoggerMessageMethods.GetAttribute(method.PartialDefinitionPart ?? method, logging) is { } loggerMessage)
        {
            foreach (var named in loggerMessage.NamedArguments)
            {
                if (named.Key == "EventName" && named.Value.Value is string name && SecurityEventVocabulary.IsVocabularyName(name))
                {
                    return true;
                }
            }
        }

        if (framework == LoggingFramework.MicrosoftExtensionsLogging && logging.MelEventId is { } eventId)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.Type, eventId))
                {
                    return _context.IsVocabularyEventId(argument.Value, cancellationToken);
                }
            }
        }

        return !_emitters.IsEmpty && _configuredEmitters.GetOrAdd(method.OriginalDefinition, IsConfiguredEmitter);
    }

    /// <summary>
    /// True when <c>secure_logging.event_emitters</c> lists the method: by its qualified name
    /// (<c>MyApp.Audit.RecordLogin</c>) or a trailing part of it (<c>Audit.Record*</c>), or through the interface or base
    /// method it implements or overrides (a listed <c>IAuditStore.Append*</c> covers a call on the implementing class).
    /// </summary>
    private bool IsConfiguredEmitter(IMethodSymbol method)
    {
        if (MatchesQualifiedName(method))
        {
            return true;
        }

        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (MatchesQualifiedName(overridden))
            {
                return true;
            }
        }

        foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
        {
            if (MatchesQualifiedName(explicitImplementation))
            {
                return true;
            }
        }

        if (method.ContainingType is { } type && !method.IsStatic)
        {
            foreach (var iface in type.AllInterfaces)
            {
                foreach (var member in iface.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol interfaceMethod
                        && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod), method)
                        && MatchesQualifiedName(interfaceMethod))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private bool MatchesQualifiedName(IMethodSymbol method)
    {
        var name = method.ContainingType!.ToDisplayString(QualifiedNameFormat) + "." + method.Name;
        if (_emitters.Matches(name))
        {
            return true;
        }

        for (var dot = name.IndexOf('.'); dot >= 0; dot = name.IndexOf('.', dot + 1))
        {
            if (_emitters.Matches(name.Substring(dot + 1)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the call emits a security event: directly, or because the callee (or an implementation of it) does.</summary>
    public bool InvocationEmits(IInvocationOperation invocation, CancellationToken cancellationToken)
        => IsDirectEvent(invocation, cancellationToken) || Emits(invocation.TargetMethod, cancellationToken);

    /// <summary>True when the method emits a security event on some path (transitively).</summary>
    public bool Emits(IMethodSymbol method, CancellationToken cancellationToken)
        => EmitsCore(Normalise(method), new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), cancellationToken, out _);

    /// <summary>The API a call stands for: an API of the table, or a wrapper of one.</summary>
    public SecurityApi? GetApi(IInvocationOperation invocation, bool inAuthenticationHandler, CancellationToken cancellationToken)
        => _context.Apis.Find(invocation.TargetMethod, inAuthenticationHandler)
            ?? GetWrapper(invocation.TargetMethod, cancellationToken)?.Api;

    /// <summary>
    /// The API a call to <paramref name="method"/> stands for as a wrapper: the method's own wrapper summary, or for an
    /// interface / abstract / virtual method, that of an implementation in the compilation.
    /// </summary>
    public SecurityApi? GetWrappedApiOfCall(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (GetWrapper(method, cancellationToken) is { } own)
        {
            return own.Api;
        }

        foreach (var implementation in _context.GetImplementations(method, cancellationToken))
        {
            if (GetWrapper(implementation, cancellationToken) is { } wrapper)
            {
                return wrapper.Api;
            }
        }

        return null;
    }

    /// <summary>The wrapper summary of a source method, or null when it does not return an API's raw result.</summary>
    public WrapperInfo? GetWrapper(IMethodSymbol method, CancellationToken cancellationToken)
        => GetWrapperCore(Normalise(method), new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), cancellationToken);

    /// <summary>True when the type derives from <c>AuthenticationHandler&lt;T&gt;</c>.</summary>
    public bool IsAuthenticationHandler(INamedTypeSymbol? type)
        => Symbols.AuthenticationHandler is { } handler && SecurityEventSymbols.DerivesFrom(type?.BaseType, handler);

    /// <summary>True for the <c>HandleAuthenticateAsync</c> override of a custom authentication handler (never a wrapper).</summary>
    public bool IsHandleAuthenticateOverride(IMethodSymbol method)
        => method.IsOverride && method.Name == "HandleAuthenticateAsync" && IsAuthenticationHandler(method.ContainingType);

    private static IMethodSymbol Normalise(IMethodSymbol method)
    {
        var normalised = (method.ReducedFrom ?? method).OriginalDefinition;
        return normalised.PartialImplementationPart ?? normalised;
    }

    private static bool IsOrImplements(INamedTypeSymbol type, INamedTypeSymbol target)
    {
        if (SecurityEventSymbols.DerivesFrom(type, target))
        {
            return true;
        }

        foreach (var iface in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(iface.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsSourceMethod(IMethodSymbol method)
        => method.DeclaringSyntaxReferences.Length > 0 && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _context.Compilation.Assembly);

    private bool EmitsCore(IMethodSymbol method, HashSet<IMethodSymbol> inProgress, CancellationToken cancellationToken, out bool incomplete)
    {
        incomplete = false;
        if (_emits.TryGetValue(method, out var known))
        {
            return known;
        }

        var result = false;
        var anyIncomplete = false;
        if (IsSourceMethod(method))
        {
            if (!inProgress.Add(method))
            {
                // A cycle: the answer depends on the methods still being computed; do not cache it.
                incomplete = true;
                return false;
            }

            foreach (var body in _context.GetBodies(method, cancellationToken))
            {
                if (BodyEmits(body, inProgress, cancellationToken, ref anyIncomplete))
                {
                    result = true;
                    break;
                }
            }

            inProgress.Remove(method);
        }

        if (!result)
        {
            foreach (var implementation in _context.GetImplementations(method, cancellationToken))
            {
                if (SymbolEqualityComparer.Default.Equals(implementation, method))
                {
                    continue;
                }

                if (EmitsCore(Normalise(implementation), inProgress, cancellationToken, out var implementationIncomplete))
                {
                    result = true;
                    break;
                }

                anyIncomplete |= implementationIncomplete;
            }
        }

        if (result || !anyIncomplete)
        {
            _emits.TryAdd(method, result);
        }

        incomplete = !result && anyIncomplete;
        return result;
    }

    private bool BodyEmits(IOperation body, HashSet<IMethodSymbol> inProgress, CancellationToken cancellationToken, ref bool anyIncomplete)
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            if (IsDirectEvent(invocation, cancellationToken))
            {
                return true;
            }

            if (EmitsCore(Normalise(invocation.TargetMethod), inProgress, cancellationToken, out var incomplete))
            {
                return true;
            }

            anyIncomplete |= incomplete;
        }

        return false;
    }

    private WrapperInfo? GetWrapperCore(IMethodSymbol method, HashSet<IMethodSymbol> inProgress, CancellationToken cancellationToken)
    {
        if (_wrappers.TryGetValue(method, out var known))
        {
            return known;
        }

        if (!IsSourceMethod(method) || method.ReturnsVoid || IsHandleAuthenticateOverride(method) || !inProgress.Add(method))
        {
            return null;
        }

        var inHandler = IsAuthenticationHandler(method.ContainingType);
        SecurityApi? api = null;
        var raw = new HashSet<SyntaxNode>();
        foreach (var body in _context.GetBodies(method, cancellationToken))
        {
            foreach (var returned in ReturnedValues(body))
            {
                foreach (var invocation in RawSources(OperationHelpers.StripRaw(returned), body))
                {
                    var found = _context.Apis.Find(invocation.TargetMethod, inHandler)
                        ?? GetWrapperCore(Normalise(invocation.TargetMethod), inProgress, cancellationToken)?.Api;
                    if (found is null)
                    {
                        continue;
                    }

                    raw.Add(invocation.Syntax);
                    if (api is null)
                    {
                        api = found;
                    }
                    else if (!ReferenceEquals(api, found) && IsAuthenticateResultFactory(api) && IsAuthenticateResultFactory(found))
                    {
                        // A helper returning Success on one path and Fail on another stands for both outcomes.
                        api = SecurityApiTable.AuthenticateResultApi;
                    }
                }
            }
        }

        inProgress.Remove(method);
        var info = api is null ? null : new WrapperInfo(api, raw);
        _wrappers.TryAdd(method, info);
        return info;
    }

    private static bool IsAuthenticateResultFactory(SecurityApi api)
        => api.Outcome is SecurityApiOutcome.SuccessOnly or SecurityApiOutcome.FailureOnly || ReferenceEquals(api, SecurityApiTable.AuthenticateResultApi);

    /// <summary>The values the body returns, not looking into lambdas or local functions (their returns are theirs).</summary>
    private static IEnumerable<IOperation> ReturnedValues(IOperation body)
    {
        var stack = new Stack<IOperation>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var operation = stack.Pop();
            if (operation is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value })
            {
                yield return value;
                continue;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>The invocations a returned value is, unchanged: the value itself, or every value assigned to the returned local.</summary>
    private static IEnumerable<IInvocationOperation> RawSources(IOperation? value, IOperation body)
    {
        switch (value)
        {
            case IInvocationOperation invocation:
                yield return invocation;
                break;
            case ILocalReferenceOperation local:
                foreach (var operation in body.Descendants())
                {
                    IOperation? assigned = operation switch
                    {
                        IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local) => declarator.Initializer?.Value,
                        ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local.Local) => assignment.Value,
                        _ => null,
                    };

                    if (OperationHelpers.StripRaw(assigned) is IInvocationOperation source)
                    {
                        yield return source;
                    }
                }

                break;
        }
    }
}
