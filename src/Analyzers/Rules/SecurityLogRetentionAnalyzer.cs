using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal;

namespace SecureLogging.Analyzers.Rules;

/// <summary>
/// SL4001: a constant <c>SecureLoggingOptions.Retention</c> outside 90 days – 7 years (2557 days), inclusive. Every
/// way of setting the property is an <see cref="ISimpleAssignmentOperation"/> — statements, object and <c>with</c>
/// initialisers, <c>AddSecureLogging(o =&gt; o.Retention = …)</c> lambdas — so one operation action sees them all.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecurityLogRetentionAnalyzer : DiagnosticAnalyzer
{
    private const string OptionsMetadataName = "SecureLogging.SecureLoggingOptions";
    private const double MinimumDays = 90;
    private const double MaximumDays = 2557; // 7 × 365 + 2 leap days

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL4001_RetentionOutOfRange);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var options = start.Compilation.GetBestTypeByMetadataName(OptionsMetadataName);
            var timeSpan = start.Compilation.GetBestTypeByMetadataName("System.TimeSpan");
            if (options is null || timeSpan is null)
            {
                return;
            }

            IPropertySymbol? retention = null;
            foreach (var member in options.GetMembers("Retention"))
            {
                if (member is IPropertySymbol property && SymbolEqualityComparer.Default.Equals(property.Type, timeSpan))
                {
                    retention = property;
                }
            }

            if (retention is null)
            {
                return;
            }

            start.RegisterOperationAction(
                operationContext => AnalyzeAssignment(operationContext, retention, timeSpan),
                OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, IPropertySymbol retention, INamedTypeSymbol timeSpan)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target
            || !SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, retention)
            || !ConstantTimeSpan.TryEvaluate(assignment.Value, timeSpan, out var ticks))
        {
            return;
        }

        var days = ticks / ConstantTimeSpan.TicksPerDay;
        string verdict;
        if (days < MinimumDays)
        {
            verdict = "too short";
        }
        else if (days > MaximumDays)
        {
            verdict = "too long";
        }
        else
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SL4001_RetentionOutOfRange,
            assignment.Value.Syntax.GetLocation(),
            FormatDays(days),
            verdict));
    }

    /// <summary>"30 days", "1 day", "89.5 days"; never rounds a value just outside the range onto its bound.</summary>
    internal static string FormatDays(double days)
    {
        if (days >= long.MaxValue / ConstantTimeSpan.TicksPerDay)
        {
            return "TimeSpan.MaxValue";
        }

        var text = days.ToString("0.##", CultureInfo.InvariantCulture);
        if ((text == "90" || text == "2557") && days != MinimumDays && days != MaximumDays)
        {
            text = days.ToString("0.#########", CultureInfo.InvariantCulture);
        }

        return text + (text == "1" ? " day" : " days");
    }
}
