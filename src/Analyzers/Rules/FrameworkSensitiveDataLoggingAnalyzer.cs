using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal;

namespace SecureLogging.Analyzers.Rules;

/// <summary>
/// SL4002: framework switches that make the framework itself log secrets or personal data — EF Core
/// <c>EnableSensitiveDataLogging()</c>, IdentityModel <c>ShowPII</c> / <c>LogCompleteSecurityArtifact</c>, and ASP.NET
/// Core HTTP logging of the <c>Authorization</c> / <c>Cookie</c> request headers or of request bodies. Only constant
/// settings are reported: <c>EnableSensitiveDataLogging(env.IsDevelopment())</c> is the recommended way to use them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FrameworkSensitiveDataLoggingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL4002_FrameworkLogsSensitiveData);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = FrameworkLoggingSymbols.Create(start.Compilation);
            if (symbols.DbContextOptionsBuilder is null && symbols.IdentityModelEventSource is null && symbols.HttpLoggingOptions is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, FrameworkLoggingSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "EnableSensitiveDataLogging" when symbols.IsEfOptionsBuilder(method.ContainingType):
                if (IsEnabledByArgument(invocation))
                {
                    Report(context, invocation.Syntax, "EnableSensitiveDataLogging()", "makes EF Core write the values of SQL parameters and entities (passwords, tokens, personal data) to the log; enable it only in development, e.g. EnableSensitiveDataLogging(env.IsDevelopment())");
                }

                return;
            case "Add" when invocation.Arguments.Length == 1 && IsRequestHeaderSet(invocation, symbols):
                var header = symbols.SensitiveHeaderName(invocation.Arguments[0].Value);
                if (header is not null)
                {
                    Report(context, invocation.Syntax, "RequestHeaders: " + header, HeaderReason(header));
                }

                return;
            case "WithHttpLogging" when SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.HttpLoggingEndpointExtensions):
            case "Enable" when SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.HttpLoggingInterceptorContext):
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is { } parameter
                        && SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.HttpLoggingFields)
                        && symbols.IncludesRequestBody(argument.Value))
                    {
                        Report(context, argument.Value.Syntax, method.Name + "(" + argument.Value.Syntax + ")", RequestBodyReason);
                    }
                }

                return;
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, FrameworkLoggingSymbols symbols)
    {
        var assignment = (IAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property })
        {
            return;
        }

        if (assignment is ICompoundAssignmentOperation compound && compound.OperatorKind != BinaryOperatorKind.Or)
        {
            return;
        }

        if (property.IsStatic
            && SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.IdentityModelEventSource)
            && assignment is ISimpleAssignmentOperation
            && assignment.Value.ConstantValue is { HasValue: true, Value: true })
        {
            if (property.Name == "ShowPII")
            {
                Report(context, assignment.Syntax, "IdentityModelEventSource.ShowPII = true", "makes IdentityModel write personal data (user names, claims, token contents) into its log messages; leave it false outside local debugging");
            }
            else if (property.Name == "LogCompleteSecurityArtifact")
            {
                Report(context, assignment.Syntax, "IdentityModelEventSource.LogCompleteSecurityArtifact = true", "makes IdentityModel log complete tokens, signatures included, which anyone with log access can replay; leave it false");
            }

            return;
        }

        if (property.Name == "LoggingFields"
            && (SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.HttpLoggingOptions)
                || SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.HttpLoggingInterceptorContext))
            && symbols.IncludesRequestBody(assignment.Value))
        {
            Report(context, assignment.Syntax, "LoggingFields", RequestBodyReason);
        }
    }

    private const string RequestBodyReason = "includes HttpLoggingFields.RequestBody: HTTP logging would write request bodies, which carry passwords, tokens, card numbers and personal data from login and form posts";

    private static string HeaderReason(string header)
        => string.Equals(header, "Cookie", StringComparison.OrdinalIgnoreCase)
            ? "lets HTTP logging write the Cookie request header in clear text: it carries session and authentication cookies that let anyone reading the log take over the session"
            : "lets HTTP logging write the Authorization request header in clear text: it carries bearer tokens and credentials that anyone reading the log can replay";

    /// <summary>
    /// <c>EnableSensitiveDataLogging()</c> and <c>(true)</c> enable it; <c>(false)</c> and any non-constant argument
    /// (<c>env.IsDevelopment()</c>) do not count, nor does a call too broken to bind its argument.
    /// </summary>
    private static bool IsEnabledByArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_Boolean)
            {
                // The omitted argument defaults to true; an explicit one counts only when it is the constant true.
                return argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Value.ConstantValue is { HasValue: true, Value: true };
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an <c>Add</c> call adds to <c>HttpLoggingOptions.RequestHeaders</c>: <c>o.RequestHeaders.Add(…)</c>, or an
    /// element of the collection initializer <c>RequestHeaders = { … }</c> (an <c>Add</c> on the implicit receiver).
    /// </summary>
    private static bool IsRequestHeaderSet(IInvocationOperation invocation, FrameworkLoggingSymbols symbols)
    {
        if (symbols.HttpLoggingOptions is null)
        {
            return false;
        }

        var instance = invocation.Instance;
        if (instance is IPropertyReferenceOperation reference)
        {
            return symbols.IsRequestHeaders(reference.Property);
        }

        return instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            && invocation.Parent is IObjectOrCollectionInitializerOperation { Parent: IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation member } }
            && symbols.IsRequestHeaders(member.Property);
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode node, string what, string why)
        => context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL4002_FrameworkLogsSensitiveData, node.GetLocation(), what, why));
}
