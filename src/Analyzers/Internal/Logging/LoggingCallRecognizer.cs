using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal.Logging;

/// <summary>
/// Recognises the logging calls of SPEC §4 by symbol and lists the values each writes. One instance per compilation
/// (it owns the wrapper and <c>LoggerMessage.Define</c> caches); thread-safe.
/// </summary>
internal sealed class LoggingCallRecognizer
{
    private readonly WrapperCache _wrappers;
    private readonly DefineTemplateCache _defineTemplates;

    public LoggingCallRecognizer(LoggingSymbols symbols)
    {
        Symbols = symbols;
        _wrappers = new WrapperCache(this);
        _defineTemplates = new DefineTemplateCache(symbols);
    }

    public LoggingSymbols Symbols { get; }

    /// <summary>
    /// The cheap symbol pre-filter run on every invocation before anything else: true when the target can be a logging
    /// call at all — a method of a logging type (one hash probe), a delegate's Invoke, <c>TextWriter.Write*</c>, or a
    /// method declared in the compilation (a wrapper or a <c>[LoggerMessage]</c> method). No allocation.
    /// </summary>
    public bool IsCandidate(IMethodSymbol? method)
    {
        if (method is null)
        {
            return false;
        }

        var definition = method.ReducedFrom ?? method;
        if (Symbols.FrameworkOf(definition.ContainingType?.OriginalDefinition, out _))
        {
            return true;
        }

        if (definition.MethodKind == MethodKind.DelegateInvoke)
        {
            return Symbols.MelILogger is not null && definition.Parameters.Length >= 2;
        }

        if (SymbolEqualityComparer.Default.Equals(definition.ContainingType, Symbols.TextWriter))
        {
            return true;
        }

        return definition.Parameters.Length > 0 && !definition.Locations.IsEmpty && definition.Locations[0].IsInSource;
    }

    /// <summary>Recognises <paramref name="invocation"/> as a logging call or security event. Never throws on erroneous code.</summary>
    public bool TryRecognize(IInvocationOperation invocation, out LoggingCall? call)
    {
        call = null;
        var method = invocation.TargetMethod;
        if (method is null)
        {
            return false;
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (Symbols.FrameworkOf(definition.ContainingType, out var framework))
        {
            return TryRecognizeFramework(invocation, definition, framework, out call);
        }

        if (definition.MethodKind == MethodKind.DelegateInvoke)
        {
            // The constructed Invoke: Action<ILogger, string, Exception?>, not Action<T1, T2, T3>.
            return TryRecognizeDelegate(invocation, method, out call);
        }

        // Console.Out/Error are TextWriters: their async writers end up in the same container log.
        if (definition.Name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync" &&
            SymbolEqualityComparer.Default.Equals(definition.ContainingType, Symbols.TextWriter) &&
            invocation.Instance?.WalkDownConversions() is IPropertyReferenceOperation receiver &&
            (SymbolEqualityComparer.Default.Equals(receiver.Property, Symbols.ConsoleOut) || SymbolEqualityComparer.Default.Equals(receiver.Property, Symbols.ConsoleError)))
        {
            call = Generic(invocation, LoggingFramework.Console);
            return true;
        }

        if (definition.DeclaringSyntaxReferences.Length == 0 || definition.Parameters.Length == 0)
        {
            return false;
        }

        if (Symbols.MelLoggerMessageAttribute is not null && LoggerMessageMethods.IsLoggerMessageMethod(definition, Symbols))
        {
            call = LoggerMessageCallSite(invocation, definition);
            return true;
        }

        if (_wrappers.Get(definition) is { } wrapper)
        {
            call = WrapperCallSite(invocation, wrapper);
            return true;
        }

        return false;
    }

    private bool TryRecognizeFramework(IInvocationOperation invocation, IMethodSymbol method, LoggingFramework framework, out LoggingCall? call)
    {
        call = null;
        var name = method.Name;
        switch (framework)
        {
            case LoggingFramework.SecurityEvent:
                call = SecurityEvent(invocation);
                return true;
            case LoggingFramework.MicrosoftExtensionsLogging:
                if (name is "LogTrace" or "LogDebug" or "LogInformation" or "LogWarning" or "LogError" or "LogCritical" or "Log" or "BeginScope")
                {
                    call = Generic(invocation, framework);
                    return true;
                }

                return false;
            case LoggingFramework.Serilog:
                if (name is "Write" or "Verbose" or "Debug" or "Information" or "Warning" or "Error" or "Fatal")
                {
                    call = Generic(invocation, framework);
                    return true;
                }

                if (name is "ForContext" or "PushProperty")
                {
                    return TryRecognizeProperty(invocation, framework, out call);
                }

                return false;
            case LoggingFramework.NLog:
                if (name is "Trace" or "Debug" or "Info" or "Warn" or "Error" or "Fatal" or "Log" or "ConditionalDebug" or "ConditionalTrace" || name.EndsWith("Format", System.StringComparison.Ordinal))
                {
                    call = Generic(invocation, framework);
                    return true;
                }

                if (name is "WithProperty" or "PushProperty" or "PushScopeProperty")
                {
                    return TryRecognizeProperty(invocation, framework, out call);
                }

                return false;
            case LoggingFramework.Log4Net:
                if (name is "Debug" or "Info" or "Warn" or "Error" or "Fatal" or "DebugFormat" or "InfoFormat" or "WarnFormat" or "ErrorFormat" or "FatalFormat" or "Log")
                {
                    call = Generic(invocation, framework);
                    return true;
                }

                return false;
            case LoggingFramework.Console:
                if (name is "Write" or "WriteLine")
                {
                    call = Generic(invocation, framework);
                    return true;
                }

                return false;
            case LoggingFramework.Debug:
            case LoggingFramework.Trace:
                if (name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "Print" or "TraceInformation" or "TraceWarning" or "TraceError")
                {
                    call = Generic(invocation, framework);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// The ordinary shape shared by every library: an optional message/template/format parameter, the arguments after
    /// it, and values written as is; loggers, levels, event ids, exceptions, format providers and categories are skipped.
    /// </summary>
    private LoggingCall Generic(IInvocationOperation invocation, LoggingFramework framework)
    {
        var collector = new LoggedValueCollector(Symbols);
        IOperation? message = null;
        List<Placeholder>? placeholders = null;
        var seenTemplate = false;
        var index = 0;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || argument.Value is null)
            {
                continue;
            }

            switch (RoleOf(parameter, seenTemplate))
            {
                case ParameterRole.Template:
                    seenTemplate = true;
                    message = argument.Value;
                    placeholders = collector.AddMessage(argument.Value);
                    break;
                case ParameterRole.Arguments:
                    collector.AddArguments(argument, placeholders, ref index, LoggedValueShape.Argument);
                    break;
                case ParameterRole.State:
                    collector.AddValue(argument.Value, LoggedValueShape.Argument, placeholder: null, destructured: false);
                    break;
                case ParameterRole.Value:
                    message ??= argument.Value;
                    collector.AddMessage(argument.Value);
                    break;
            }
        }

        return new LoggingCall(invocation, framework, message, collector.ToImmutable());
    }

    /// <summary>Serilog <c>ForContext(name, value, destructureObjects)</c>, <c>LogContext.PushProperty</c>, NLog <c>WithProperty</c>/<c>ScopeContext.PushProperty</c>.</summary>
    private bool TryRecognizeProperty(IInvocationOperation invocation, LoggingFramework framework, out LoggingCall? call)
    {
        call = null;
        string? name = null;
        IOperation? value = null;
        var destructure = false;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null)
            {
                continue;
            }

            if (parameter.Type.IsStringType() && name is null && value is null && parameter.Ordinal <= 1 && parameter.Name is "propertyName" or "name" or "propertyKey" or "key")
            {
                name = argument.Value.ConstantString() ?? string.Empty;
            }
            else if (parameter.Name is "value" or "propertyValue")
            {
                value = argument.Value;
            }
            else if (parameter.Type.SpecialType == SpecialType.System_Boolean && argument.Value.ConstantValue is { HasValue: true, Value: true })
            {
                destructure = true;
            }
        }

        if (name is null || value is null)
        {
            return false;
        }

        var collector = new LoggedValueCollector(Symbols);
        collector.AddValue(value, LoggedValueShape.Argument, name.Length == 0 ? null : name, destructure);
        call = new LoggingCall(invocation, framework, null, collector.ToImmutable());
        return true;
    }

    /// <summary><c>SecurityLog</c> methods: every field, named by its parameter; a <c>SecurityEvent</c> built inline is looked into.</summary>
    private LoggingCall SecurityEvent(IInvocationOperation invocation)
    {
        var collector = new LoggedValueCollector(Symbols);
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || argument.Value is null || IsIgnoredType(parameter.Type))
            {
                continue;
            }

            AddEventField(collector, argument.Value, parameter.Name, 0);
        }

        return new LoggingCall(invocation, LoggingFramework.SecurityEvent, null, collector.ToImmutable());
    }

    private void AddEventField(LoggedValueCollector collector, IOperation value, string name, int depth)
    {
        if (depth < 2 && value.WalkDownConversions() is IObjectCreationOperation creation && !Symbols.IsException(creation.Type) && !creation.Type.IsStringType())
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { } parameter && !IsIgnoredType(parameter.Type))
                {
                    AddEventField(collector, argument.Value, parameter.Name, depth + 1);
                }
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var element in initializer.Initializers)
                {
                    if (element is ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment)
                    {
                        AddEventField(collector, assignment.Value, member.Member.Name, depth + 1);
                    }
                    else if (element is IInvocationOperation { Arguments.Length: 2 } add && add.Arguments[0].Value.ConstantString() is { } key)
                    {
                        AddEventField(collector, add.Arguments[1].Value, key, depth + 1);
                    }
                }
            }

            return;
        }

        collector.AddValue(value, LoggedValueShape.Argument, name, destructured: false);
    }

    /// <summary>An <c>Action&lt;ILogger, T1…&gt;</c> from <c>LoggerMessage.Define</c>: each argument after the logger fills the template's placeholder.</summary>
    private bool TryRecognizeDelegate(IInvocationOperation invocation, IMethodSymbol invoke, out LoggingCall? call)
    {
        call = null;
        if (Symbols.MelILogger is null || invoke.Parameters.Length < 2 ||
            !SymbolEqualityComparer.Default.Equals(invoke.Parameters[0].Type, Symbols.MelILogger))
        {
            return false;
        }

        var placeholders = _defineTemplates.Get(invocation.Instance);
        var collector = new LoggedValueCollector(Symbols);
        var index = 0;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || argument.Value is null || parameter.Ordinal == 0 || Symbols.IsException(parameter.Type))
            {
                continue;
            }

            var placeholder = MessageTemplate.ForArgument(placeholders, index++);
            collector.AddValue(argument.Value, LoggedValueShape.DelegateArgument, placeholder?.Name, placeholder?.IsDestructured ?? false);
        }

        call = new LoggingCall(invocation, LoggingFramework.MicrosoftExtensionsLogging, null, collector.ToImmutable());
        return true;
    }

    private LoggingCall LoggerMessageCallSite(IInvocationOperation invocation, IMethodSymbol method)
    {
        var destructured = LoggerMessageMethods.DestructuredPlaceholders(method, Symbols);
        var collector = new LoggedValueCollector(Symbols);
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || argument.Value is null || IsIgnoredType(parameter.Type))
            {
                continue;
            }

            collector.AddValue(argument.Value, LoggedValueShape.Argument, parameter.Name, destructured.Contains(parameter.Name), parameter);
        }

        return new LoggingCall(invocation, LoggingFramework.MicrosoftExtensionsLogging, null, collector.ToImmutable());
    }

    private LoggingCall WrapperCallSite(IInvocationOperation invocation, WrapperInfo wrapper)
    {
        var collector = new LoggedValueCollector(Symbols);
        IOperation? message = null;
        List<Placeholder>? placeholders = null;
        var index = 0;

        // The template first, so that the arguments after it know their placeholders whatever the argument order.
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && argument.Value is not null && wrapper.RoleOf(parameter.Ordinal).Kind == ParameterRole.Template)
            {
                message = argument.Value;
                placeholders = collector.AddMessage(argument.Value, parameter);
            }
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.Value is null)
            {
                continue;
            }

            var role = wrapper.RoleOf(parameter.Ordinal);
            switch (role.Kind)
            {
                case ParameterRole.Arguments:
                    collector.AddArguments(argument, placeholders, ref index, LoggedValueShape.Argument, parameter);
                    break;
                case ParameterRole.Value:
                    collector.AddValue(argument.Value, LoggedValueShape.Argument, role.Placeholder, role.Destructured, parameter);
                    break;
            }
        }

        return new LoggingCall(invocation, LoggingFramework.Wrapper, message, collector.ToImmutable());
    }

    private ParameterRole RoleOf(IParameterSymbol parameter, bool seenTemplate)
    {
        var type = parameter.Type;
        if (IsIgnoredType(type) || parameter.Name is "condition" or "eventId" or "logLevel" or "level" or "formatter" or "callerStackBoundaryDeclaringType")
        {
            return ParameterRole.None;
        }

        if (!seenTemplate && type.IsStringType() && parameter.Name is "message" or "messageTemplate" or "format" or "messageFormat" or "formatString")
        {
            return ParameterRole.Template;
        }

        if (seenTemplate)
        {
            return ParameterRole.Arguments;
        }

        return parameter.Name == "state" ? ParameterRole.State : ParameterRole.Value;
    }

    internal bool IsIgnoredType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return true;
        }

        if (type.TypeKind is TypeKind.Delegate or TypeKind.Enum or TypeKind.Error || type.SpecialType == SpecialType.System_Boolean)
        {
            return true;
        }

        if (Symbols.IsException(type))
        {
            return true;
        }

        var comparer = SymbolEqualityComparer.Default;
        if (comparer.Equals(type, Symbols.MelILogger) || comparer.Equals(type, Symbols.MelEventId) || comparer.Equals(type, Symbols.FormatProvider) ||
            comparer.Equals(type, Symbols.SerilogILogger) || comparer.Equals(type.OriginalDefinition, Symbols.MelILogger))
        {
            return true;
        }

        if (type is INamedTypeSymbol named)
        {
            foreach (var implemented in named.AllInterfaces)
            {
                if (comparer.Equals(implemented, Symbols.MelILogger) || comparer.Equals(implemented, Symbols.FormatProvider))
                {
                    return true;
                }
            }

            if (named.Name == "Type" && named.ContainingNamespace?.Name == "System")
            {
                return true;
            }
        }

        return false;
    }

    internal enum ParameterRole
    {
        None,
        Template,
        Arguments,
        Value,
        State,
    }
}
