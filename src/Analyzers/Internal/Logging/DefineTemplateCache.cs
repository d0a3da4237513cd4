using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal.Logging;

/// <summary>
/// The template of the <c>LoggerMessage.Define</c> call a delegate field, property or local was initialised from,
/// looked up once per delegate symbol.
/// </summary>
internal sealed class DefineTemplateCache
{
    private readonly LoggingSymbols _symbols;
    private readonly ConcurrentDictionary<ISymbol, List<Placeholder>?> _cache = new(SymbolEqualityComparer.Default);

    public DefineTemplateCache(LoggingSymbols symbols)
    {
        _symbols = symbols;
    }

    public List<Placeholder>? Get(IOperation? delegateReceiver)
    {
        var symbol = delegateReceiver?.WalkDownConversions() switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            ILocalReferenceOperation local => local.Local,
            _ => (ISymbol?)null,
        };

        if (symbol is null || _symbols.MelLoggerMessage is null)
        {
            return null;
        }

        return _cache.GetOrAdd(symbol, Compute);
    }

    private List<Placeholder>? Compute(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax();
            ExpressionSyntax? initializer = node switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };

            if (initializer is null)
            {
                continue;
            }

#pragma warning disable RS1030 // The Define call sits in another member (often another file); this runs once per delegate symbol.
            var model = _symbols.Compilation.GetSemanticModel(initializer.SyntaxTree);
#pragma warning restore RS1030
            if (model.GetOperation(initializer)?.WalkDownConversions() is IInvocationOperation define &&
                SymbolEqualityComparer.Default.Equals(define.TargetMethod.ContainingType, _symbols.MelLoggerMessage))
            {
                foreach (var argument in define.Arguments)
                {
                    if (argument.Parameter?.Name == "formatString" && argument.Value.ConstantString() is { } template)
                    {
                        return MessageTemplate.Parse(template);
                    }
                }
            }
        }

        return null;
    }
}
