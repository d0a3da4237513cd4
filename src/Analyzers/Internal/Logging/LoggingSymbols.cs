using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Internal.Logging;

/// <summary>
/// The logging APIs of SPEC §4, resolved once per compilation. The hot path asks <see cref="FrameworkOf"/> one hash
/// probe per invocation before it looks at anything else.
/// </summary>
internal sealed class LoggingSymbols
{
    private readonly Dictionary<INamedTypeSymbol, LoggingFramework> _frameworkByType = new(SymbolEqualityComparer.Default);

    public LoggingSymbols(Compilation compilation)
    {
        Compilation = compilation;
        MelILogger = Get(compilation, "Microsoft.Extensions.Logging.ILogger");
        MelLoggerExtensions = Get(compilation, "Microsoft.Extensions.Logging.LoggerExtensions");
        MelLoggerMessage = Get(compilation, "Microsoft.Extensions.Logging.LoggerMessage");
        MelLoggerMessageAttribute = Get(compilation, "Microsoft.Extensions.Logging.LoggerMessageAttribute");
        MelEventId = Get(compilation, "Microsoft.Extensions.Logging.EventId");
        MelLogLevel = Get(compilation, "Microsoft.Extensions.Logging.LogLevel");
        SerilogILogger = Get(compilation, "Serilog.ILogger");
        SerilogLog = Get(compilation, "Serilog.Log");
        SerilogLogger = Get(compilation, "Serilog.Core.Logger");
        SerilogLogContext = Get(compilation, "Serilog.Context.LogContext");
        SerilogTemplateFormatMethodAttribute = Get(compilation, "Serilog.Core.MessageTemplateFormatMethodAttribute");
        NLogTemplateFormatMethodAttribute = Get(compilation, "NLog.MessageTemplateFormatMethodAttribute");
        Log4NetLogger = Get(compilation, "log4net.Core.ILogger");
        Exception = Get(compilation, "System.Exception");
        FormatProvider = Get(compilation, "System.IFormatProvider");
        Console = Get(compilation, "System.Console");
        TextWriter = Get(compilation, "System.IO.TextWriter");
        SecurityLog = Get(compilation, "SecureLogging.SecurityLog");
        SystemTextJsonSerializer = Get(compilation, "System.Text.Json.JsonSerializer");
        NewtonsoftJsonConvert = Get(compilation, "Newtonsoft.Json.JsonConvert");

        Add(MelILogger, LoggingFramework.MicrosoftExtensionsLogging);
        Add(MelLoggerExtensions, LoggingFramework.MicrosoftExtensionsLogging);
        Add(SerilogILogger, LoggingFramework.Serilog);
        Add(SerilogLog, LoggingFramework.Serilog);
        Add(SerilogLogger, LoggingFramework.Serilog);
        Add(SerilogLogContext, LoggingFramework.Serilog);
        NLogLogger = Get(compilation, "NLog.Logger");
        Add(NLogLogger, LoggingFramework.NLog);
        Add(Get(compilation, "NLog.ILogger"), LoggingFramework.NLog);
        Add(Get(compilation, "NLog.ILoggerBase"), LoggingFramework.NLog);
        Add(Get(compilation, "NLog.ILoggerExtensions"), LoggingFramework.NLog);
        Add(Get(compilation, "NLog.ScopeContext"), LoggingFramework.NLog);
        Add(Get(compilation, "log4net.ILog"), LoggingFramework.Log4Net);
        Add(Log4NetLogger, LoggingFramework.Log4Net);
        Add(Get(compilation, "log4net.Core.LogImpl"), LoggingFramework.Log4Net);
        Add(Console, LoggingFramework.Console);
        Add(Get(compilation, "System.Diagnostics.Debug"), LoggingFramework.Debug);
        Add(Get(compilation, "System.Diagnostics.Trace"), LoggingFramework.Trace);
        Add(SecurityLog, LoggingFramework.SecurityEvent);

        ConsoleOut = Property(Console, "Out");
        ConsoleError = Property(Console, "Error");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? MelILogger { get; }

    public INamedTypeSymbol? MelLoggerExtensions { get; }

    public INamedTypeSymbol? MelLoggerMessage { get; }

    public INamedTypeSymbol? MelLoggerMessageAttribute { get; }

    public INamedTypeSymbol? MelEventId { get; }

    public INamedTypeSymbol? MelLogLevel { get; }

    public INamedTypeSymbol? SerilogILogger { get; }

    public INamedTypeSymbol? SerilogLog { get; }

    public INamedTypeSymbol? SerilogLogger { get; }

    public INamedTypeSymbol? SerilogLogContext { get; }

    public INamedTypeSymbol? SerilogTemplateFormatMethodAttribute { get; }

    public INamedTypeSymbol? NLogTemplateFormatMethodAttribute { get; }

    public INamedTypeSymbol? Log4NetLogger { get; }

    public INamedTypeSymbol? NLogLogger { get; }

    public INamedTypeSymbol? SystemTextJsonSerializer { get; }

    public INamedTypeSymbol? NewtonsoftJsonConvert { get; }

    public INamedTypeSymbol? Exception { get; }

    public INamedTypeSymbol? FormatProvider { get; }

    public INamedTypeSymbol? Console { get; }

    public INamedTypeSymbol? TextWriter { get; }

    public IPropertySymbol? ConsoleOut { get; }

    public IPropertySymbol? ConsoleError { get; }

    public INamedTypeSymbol? SecurityLog { get; }

    /// <summary>True when any API of SPEC §4 is visible; otherwise the analyzers register nothing.</summary>
    public bool HasAnyLoggingApi => _frameworkByType.Count > 0;

    /// <summary>True when a logging library (not only the console/debug sinks) is referenced.</summary>
    public bool HasLoggingLibrary => MelILogger is not null || SerilogILogger is not null || NLogLogger is not null || Log4NetLogger is not null || SecurityLog is not null;

    /// <summary>The framework a method's containing type belongs to; false for every other type. One hash probe.</summary>
    public bool FrameworkOf(INamedTypeSymbol? type, out LoggingFramework framework)
    {
        framework = default;
        return type is not null && _frameworkByType.TryGetValue(type, out framework);
    }

    public bool IsException(ITypeSymbol? type)
    {
        if (Exception is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Exception))
            {
                return true;
            }
        }

        return false;
    }

    private static INamedTypeSymbol? Get(Compilation compilation, string name) => compilation.GetBestTypeByMetadataName(name);

    private static IPropertySymbol? Property(INamedTypeSymbol? type, string name)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IPropertySymbol property)
            {
                return property;
            }
        }

        return null;
    }

    private void Add(INamedTypeSymbol? type, LoggingFramework framework)
    {
        if (type is not null)
        {
            _frameworkByType[type] = framework;
        }
    }
}
