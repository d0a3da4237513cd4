using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureLogging.Cli.Scanning;

/// <summary>
/// The analyzers <c>scan</c> runs: every <see cref="DiagnosticAnalyzer"/> of the SecureLogging.Analyzers assembly — the
/// very assembly the NuGet package ships — found by reflection so a new rule needs no change here.
/// </summary>
internal static class AnalyzerCatalog
{
    public static Assembly AnalyzerAssembly { get; } = typeof(SecureLogging.Analyzers.Rules.SecurityLogRetentionAnalyzer).Assembly;

    private static readonly Type[] AnalyzerTypes = AnalyzerAssembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract
            && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute
            && attribute.Languages.Contains(LanguageNames.CSharp)
            && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Every rule the analyzers can report, by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> AllRules { get; } = Create(null)
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id, StringComparer.Ordinal)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Fresh analyzer instances (they keep no state across compilations, but a scan owns its own).</summary>
    /// <param name="rules">When given, only analyzers that report one of these ids.</param>
    public static ImmutableArray<DiagnosticAnalyzer> Create(IReadOnlySet<string>? rules)
    {
        var builder = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var type in AnalyzerTypes)
        {
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            if (rules is null || analyzer.SupportedDiagnostics.Any(d => rules.Contains(d.Id)))
            {
                builder.Add(analyzer);
            }
        }

        return builder.ToImmutable();
    }
}
