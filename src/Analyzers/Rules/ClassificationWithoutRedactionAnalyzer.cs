using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal;

namespace SecureLogging.Analyzers.Rules;

/// <summary>
/// SL4003: a <c>[LoggerMessage]</c> parameter (or a property of a <c>[LogProperties]</c> parameter's type) carries a
/// Microsoft.Extensions.Compliance data classification, but the application never calls
/// <c>ILoggingBuilder.EnableRedaction()</c>, so the classification redacts nothing. Whether <c>EnableRedaction</c> is
/// called anywhere is only known once the whole compilation has been seen: the diagnostics come from a
/// compilation-end action, which the IDE runs on full-solution analysis only (the build always runs it).
/// Only applications (exe, web) are judged: a library cannot enable redaction, its host does.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClassificationWithoutRedactionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL4003_ClassificationWithoutRedaction);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var compilation = start.Compilation;
            if (compilation.Options.OutputKind is not (OutputKind.ConsoleApplication or OutputKind.WindowsApplication))
            {
                return;
            }

            var classification = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
            var loggerMessage = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
            if (classification is null || loggerMessage is null)
            {
                return;
            }

            var state = new CompilationState(
                classification,
                compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.NoDataClassificationAttribute"),
                loggerMessage,
                compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Logging.LogPropertiesAttribute"),
                compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Logging.LogPropertyIgnoreAttribute"));

            var redactionExtensions = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Logging.LoggingRedactionExtensions");
            if (redactionExtensions is not null)
            {
                start.RegisterOperationAction(c => state.AnalyzeInvocation(c, redactionExtensions), OperationKind.Invocation);
            }

            // Per type, not per method: the logging generator marks its implementation part [GeneratedCode], the
            // compiler merges the attributes of both parts, and the driver then skips the method as generated code
            // (ConfigureGeneratedCodeAnalysis(None)). The type the user declared is not generated.
            start.RegisterSymbolAction(state.AnalyzeType, SymbolKind.NamedType);
            start.RegisterCompilationEndAction(state.ReportIfRedactionNeverEnabled);
        });
    }

    private sealed class CompilationState
    {
        // [LogProperties(Transitive = true)] walks nested types; the cap only guards against absurd object graphs.
        private const int MaxTransitiveDepth = 4;

        private readonly INamedTypeSymbol _classification;
        private readonly INamedTypeSymbol? _noClassification;
        private readonly INamedTypeSymbol _loggerMessage;
        private readonly INamedTypeSymbol? _logProperties;
        private readonly INamedTypeSymbol? _logPropertyIgnore;
        private readonly ConcurrentDictionary<Location, (string Name, string Classification)> _candidates = new();
        private int _redactionEnabled;

        public CompilationState(INamedTypeSymbol classification, INamedTypeSymbol? noClassification, INamedTypeSymbol loggerMessage, INamedTypeSymbol? logProperties, INamedTypeSymbol? logPropertyIgnore)
        {
            _classification = classification;
            _noClassification = noClassification;
            _loggerMessage = loggerMessage;
            _logProperties = logProperties;
            _logPropertyIgnore = logPropertyIgnore;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol redactionExtensions)
        {
            var method = ((IInvocationOperation)context.Operation).TargetMethod;
            if (method.Name == "EnableRedaction" && SymbolEqualityComparer.Default.Equals(method.ContainingType, redactionExtensions))
            {
                Interlocked.Exchange(ref _redactionEnabled, 1);
            }
        }

        public void AnalyzeType(SymbolAnalysisContext context)
        {
            if (Volatile.Read(ref _redactionEnabled) != 0)
            {
                return;
            }

            foreach (var member in ((INamedTypeSymbol)context.Symbol).GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    AnalyzeMethod(method);
                }
            }
        }

        private void AnalyzeMethod(IMethodSymbol method)
        {
            // A partial method's implementation part (usually the generator's) repeats the definition's parameters.
            if (method.PartialDefinitionPart is not null || method.Parameters.IsEmpty || FindAttribute(method, _loggerMessage) is null)
            {
                return;
            }

            foreach (var parameter in method.Parameters)
            {
                var location = SourceLocation(parameter);
                if (location is null)
                {
                    continue;
                }

                if (ClassificationOf(parameter) is { } classification)
                {
                    _candidates.TryAdd(location, (parameter.Name, classification));
                }

                if (_logProperties is not null && FindAttribute(parameter, _logProperties) is { } logProperties)
                {
                    var transitive = IsTransitive(logProperties);
                    AddClassifiedProperties(parameter.Type, parameter.Name, location, transitive ? MaxTransitiveDepth : 1, new System.Collections.Generic.HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));
                }
            }
        }

        public void ReportIfRedactionNeverEnabled(CompilationAnalysisContext context)
        {
            if (Volatile.Read(ref _redactionEnabled) != 0)
            {
                return;
            }

            foreach (var candidate in _candidates)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL4003_ClassificationWithoutRedaction, candidate.Key, candidate.Value.Name, candidate.Value.Classification));
            }
        }

        /// <summary>
        /// The classified public properties of a <c>[LogProperties]</c> parameter's type, reported at the property when
        /// it is declared in source, else at the parameter (a type from a package cannot be squiggled).
        /// </summary>
        private void AddClassifiedProperties(ITypeSymbol type, string path, Location parameterLocation, int depth, System.Collections.Generic.HashSet<ITypeSymbol> visited)
        {
            if (depth <= 0 || type.SpecialType != SpecialType.None || !visited.Add(type))
            {
                return;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property
                        || (_logPropertyIgnore is not null && FindAttribute(property, _logPropertyIgnore) is not null))
                    {
                        continue;
                    }

                    var name = path + "." + property.Name;
                    if (ClassificationOf(property) is { } classification)
                    {
                        _candidates.TryAdd(SourceLocation(property) ?? parameterLocation, (name, classification));
                    }
                    else
                    {
                        AddClassifiedProperties(property.Type, name, parameterLocation, depth - 1, visited);
                    }
                }
            }
        }

        /// <summary>The classification attribute's name without "Attribute" (<c>PrivateData</c>), or null.</summary>
        private string? ClassificationOf(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                var attributeClass = attribute.AttributeClass;
                if (attributeClass is null || SymbolEqualityComparer.Default.Equals(attributeClass, _noClassification))
                {
                    continue;
                }

                for (var type = attributeClass; type is not null; type = type.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(type, _classification))
                    {
                        var name = attributeClass.Name;
                        return name.EndsWith("Attribute", System.StringComparison.Ordinal) && name.Length > "Attribute".Length
                            ? name.Substring(0, name.Length - "Attribute".Length)
                            : name;
                    }
                }
            }

            return null;
        }

        private static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol attributeType)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    return attribute;
                }
            }

            return null;
        }

        private static bool IsTransitive(AttributeData logProperties)
        {
            foreach (var argument in logProperties.NamedArguments)
            {
                if (argument.Key == "Transitive" && argument.Value.Value is true)
                {
                    return true;
                }
            }

            return false;
        }

        private static Location? SourceLocation(ISymbol symbol)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource)
                {
                    return location;
                }
            }

            return null;
        }
    }
}
