using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal.Logging;
using SecureLogging.Analyzers.Internal.Sensitivity;

namespace SecureLogging.Analyzers.Internal;

/// <summary>
/// Turns the values of a logging call into findings of SL1001–SL1004, and exception messages into SL1005: which rule,
/// where, and why. The single place where "is this value a problem in this call" is decided.
/// </summary>
internal static class SensitiveValueJudge
{
    public static ImmutableArray<Finding> Judge(LoggingCall call, LoggingSymbols symbols, SensitivityClassifier classifier)
    {
        ImmutableArray<Finding>.Builder? findings = null;
        foreach (var value in call.Values)
        {
            // The value goes to a parameter that is itself sensitive: reported once, inside the wrapper or at the
            // [LoggerMessage] declaration; a classified [LoggerMessage] parameter is redaction's business (SL4003).
            if (value.TargetParameter is { } target && IsReportedAtDeclaration(target, symbols, classifier))
            {
                continue;
            }

            if (JudgeValue(value, call.IsSecurityEvent, classifier) is { } finding)
            {
                (findings ??= ImmutableArray.CreateBuilder<Finding>()).Add(finding);
            }
        }

        return findings?.ToImmutable() ?? ImmutableArray<Finding>.Empty;
    }

    private static Finding? JudgeValue(LoggedValue value, bool securityEvent, SensitivityClassifier classifier)
    {
        var unwrapped = value.Value.WalkDownConversions();
        if (!securityEvent && classifier.Objects.IsRequestCollection(unwrapped.Type))
        {
            return new Finding(DiagnosticIds.SensitiveObjectWrittenToLog, value.ReportNode, SensitiveKind.Secret, LoggedValueShape.ObjectArgument, value.Placeholder, Display.Of(unwrapped.Syntax),
                "holds every request header or cookie, the Authorization header and session cookies included");
        }

        var verdict = classifier.Classify(value.Value, value.Placeholder);
        if (verdict.IsSensitive)
        {
            if (securityEvent && verdict.Category == SensitiveCategory.Personal)
            {
                // Identity is what a security event is for; the runtime encodes every field.
                return null;
            }

            return new Finding(RuleFor(verdict.Category), value.ReportNode, verdict.Kind, value.Shape, value.Placeholder, Display.Of(unwrapped.Syntax), verdict.Reason!);
        }

        if (securityEvent)
        {
            return null;
        }

        var mode = ModeOf(value, unwrapped.Type);
        if (mode is null)
        {
            return null;
        }

        var members = classifier.Objects.Inspect(unwrapped.Type, mode.Value);
        if (!members.IsSensitive)
        {
            return null;
        }

        var display = Display.Of(unwrapped.Syntax);
        return members.Category == SensitiveCategory.Personal
            ? new Finding(DiagnosticIds.PersonalDataWrittenToLog, value.ReportNode, members.Kind, LoggedValueShape.ObjectArgument, value.Placeholder, display, "is written whole and " + members.Reason)
            : new Finding(DiagnosticIds.SensitiveObjectWrittenToLog, value.ReportNode, members.Kind, LoggedValueShape.ObjectArgument, value.Placeholder, display, members.Reason!);
    }

    /// <summary>SL1005: the secret and card operands of the message of <c>new XxxException(…)</c>.</summary>
    public static ImmutableArray<Finding> JudgeExceptionMessage(IObjectCreationOperation creation, LoggingSymbols symbols, SensitivityClassifier classifier)
    {
        ImmutableArray<Finding>.Builder? findings = null;
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is not { Name: "message" } parameter || !parameter.Type.IsStringType() || argument.Value is null)
            {
                continue;
            }

            var collector = new LoggedValueCollector(symbols);
            collector.AddMessage(argument.Value);
            foreach (var value in collector.ToImmutable())
            {
                var verdict = classifier.Classify(value.Value, value.Placeholder);
                if (verdict.IsSensitive && verdict.Category != SensitiveCategory.Personal)
                {
                    (findings ??= ImmutableArray.CreateBuilder<Finding>()).Add(new Finding(
                        DiagnosticIds.SecretInExceptionMessage, value.ReportNode, verdict.Kind, LoggedValueShape.ExceptionMessageOperand, value.Placeholder,
                        Display.Of(value.Value.WalkDownConversions().Syntax), verdict.Reason!));
                }
            }
        }

        return findings?.ToImmutable() ?? ImmutableArray<Finding>.Empty;
    }

    /// <summary>
    /// True when a diagnostic about the parameter is reported where it is declared, so its call sites stay quiet: a
    /// sensitive or classified parameter, or a <c>[LoggerMessage]</c> parameter whose object the declaration reports.
    /// </summary>
    private static bool IsReportedAtDeclaration(IParameterSymbol parameter, LoggingSymbols symbols, SensitivityClassifier classifier)
    {
        if (classifier.JudgeSymbol(parameter, parameter.Type).IsSensitive || classifier.IsClassified(parameter))
        {
            return true;
        }

        return parameter.ContainingSymbol is IMethodSymbol method &&
               LoggerMessageMethods.IsLoggerMessageMethod(method, symbols) &&
               DeclarationMode(method, parameter, symbols) is { } mode &&
               classifier.Objects.Inspect(parameter.Type, mode).IsSensitive;
    }

    /// <summary>How a <c>[LoggerMessage]</c> parameter's members reach the log: destructured, [LogProperties], or a record's ToString().</summary>
    private static ObjectMode? DeclarationMode(IMethodSymbol method, IParameterSymbol parameter, LoggingSymbols symbols)
        => HasLogProperties(parameter) ? ObjectMode.LogProperties
            : LoggerMessageMethods.DestructuredPlaceholders(method, symbols).Contains(parameter.Name) ? ObjectMode.Destructured
            : RecordMode(parameter.Type);

    /// <summary>The parameters of a <c>[LoggerMessage]</c> method declaration that are sensitive (reported at the parameter).</summary>
    public static ImmutableArray<Finding> JudgeLoggerMessageMethod(IMethodSymbol method, LoggingCallRecognizer recognizer, SensitivityClassifier classifier)
    {
        ImmutableArray<Finding>.Builder? findings = null;
        var destructured = LoggerMessageMethods.DestructuredPlaceholders(method, recognizer.Symbols);
        foreach (var parameter in method.Parameters)
        {
            if (recognizer.IsIgnoredType(parameter.Type) || classifier.IsClassified(parameter) ||
                parameter.DeclaringSyntaxReferences.Length == 0 || parameter.DeclaringSyntaxReferences[0].GetSyntax() is not ParameterSyntax syntax)
            {
                continue;
            }

            var verdict = classifier.JudgeSymbol(parameter, parameter.Type);
            Finding? finding = null;
            if (verdict.IsSensitive)
            {
                finding = new Finding(RuleFor(verdict.Category), syntax, verdict.Kind, LoggedValueShape.LoggerMessageParameter, parameter.Name, parameter.Name, verdict.Reason!);
            }
            else
            {
                var mode = HasLogProperties(parameter) ? ObjectMode.LogProperties
                    : destructured.Contains(parameter.Name) ? ObjectMode.Destructured
                    : RecordMode(parameter.Type);
                if (mode is not null && classifier.Objects.Inspect(parameter.Type, mode.Value) is { IsSensitive: true } members)
                {
                    finding = members.Category == SensitiveCategory.Personal
                        ? new Finding(DiagnosticIds.PersonalDataWrittenToLog, syntax, members.Kind, LoggedValueShape.LoggerMessageParameter, parameter.Name, parameter.Name, "is written whole and " + members.Reason)
                        : new Finding(DiagnosticIds.SensitiveObjectWrittenToLog, syntax, members.Kind, LoggedValueShape.LoggerMessageParameter, parameter.Name, parameter.Name, members.Reason!);
                }
            }

            if (finding is not null)
            {
                (findings ??= ImmutableArray.CreateBuilder<Finding>()).Add(finding);
            }
        }

        return findings?.ToImmutable() ?? ImmutableArray<Finding>.Empty;
    }

    public static string RuleFor(SensitiveCategory category) => category switch
    {
        SensitiveCategory.Secret => DiagnosticIds.SecretWrittenToLog,
        SensitiveCategory.Card => DiagnosticIds.CardDataWrittenToLog,
        _ => DiagnosticIds.PersonalDataWrittenToLog,
    };

    private static ObjectMode? ModeOf(LoggedValue value, ITypeSymbol? type)
    {
        if (value.IsSerialized)
        {
            return ObjectMode.Serialized;
        }

        if (value.IsDestructured)
        {
            return ObjectMode.Destructured;
        }

        return RecordMode(type);
    }

    /// <summary>A record prints every member from its generated ToString(), unless the record writes its own.</summary>
    private static ObjectMode? RecordMode(ITypeSymbol? type)
    {
        if (type is not { IsRecord: true })
        {
            return null;
        }

        foreach (var member in type.GetMembers("ToString"))
        {
            if (member is IMethodSymbol { Parameters.Length: 0, IsImplicitlyDeclared: false })
            {
                return null;
            }
        }

        foreach (var member in type.GetMembers("PrintMembers"))
        {
            if (!member.IsImplicitlyDeclared)
            {
                return null;
            }
        }

        return ObjectMode.Record;
    }

    private static bool HasLogProperties(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (SensitivitySymbols.HasFullName(attribute.AttributeClass, "Microsoft.Extensions.Logging", "LogPropertiesAttribute"))
            {
                return true;
            }
        }

        return false;
    }
}
