using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal.Logging;
using SecureLogging.Analyzers.Internal.Sensitivity;

namespace SecureLogging.Analyzers.Internal;

/// <summary>
/// The per-compilation state shared by SL1001–SL1005: the logging symbols and recognizer, the classifiers (one per
/// word-list configuration) and the findings per call, so that the rule analyzers judge each call once between them.
/// </summary>
internal sealed class SensitiveDataAnalysis
{
    public const string SecretWordsKey = "secure_logging.secret_words";
    public const string CardWordsKey = "secure_logging.card_words";
    public const string PersonalWordsKey = "secure_logging.personal_words";
    public const string IgnoredWordsKey = "secure_logging.ignored_words";

    private static readonly ConditionalWeakTable<Compilation, SensitiveDataAnalysis> Instances = new();

    private readonly ConcurrentDictionary<string, SensitivityClassifier> _classifiers = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SyntaxNode, ImmutableArray<Finding>> _findings = new();
    private readonly SensitivityClassifier _defaultClassifier;

    private SensitiveDataAnalysis(Compilation compilation)
    {
        Logging = new LoggingSymbols(compilation);
        Recognizer = new LoggingCallRecognizer(Logging);
        Sensitivity = new SensitivitySymbols(compilation);
        _defaultClassifier = new SensitivityClassifier(Sensitivity, NameClassifier.Default);
    }

    public LoggingSymbols Logging { get; }

    public LoggingCallRecognizer Recognizer { get; }

    public SensitivitySymbols Sensitivity { get; }

    public static SensitiveDataAnalysis Get(Compilation compilation) => Instances.GetValue(compilation, c => new SensitiveDataAnalysis(c));

    /// <summary>The classifier for a file, with the word lists its .editorconfig adds and removes.</summary>
    public SensitivityClassifier ClassifierFor(AnalyzerOptions options, SyntaxTree tree)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        config.TryGetValue(SecretWordsKey, out var secret);
        config.TryGetValue(CardWordsKey, out var card);
        config.TryGetValue(PersonalWordsKey, out var personal);
        config.TryGetValue(IgnoredWordsKey, out var ignored);
        if (secret is null && card is null && personal is null && ignored is null)
        {
            return _defaultClassifier;
        }

        var key = secret + "\u0001" + card + "\u0001" + personal + "\u0001" + ignored;
        return _classifiers.GetOrAdd(key, _ => new SensitivityClassifier(Sensitivity, new NameClassifier(WordSet.Create(secret, card, personal, ignored))));
    }

    /// <summary>The findings of one invocation (empty when it is not a logging call), computed once for all rules.</summary>
    public ImmutableArray<Finding> FindingsFor(IInvocationOperation invocation, AnalyzerOptions options)
    {
        if (_findings.TryGetValue(invocation.Syntax, out var cached))
        {
            return cached;
        }

        var findings = ImmutableArray<Finding>.Empty;
        if (Recognizer.TryRecognize(invocation, out var call) && call is not null && call.Values.Length > 0)
        {
            findings = SensitiveValueJudge.Judge(call, Logging, ClassifierFor(options, invocation.Syntax.SyntaxTree));
        }

        return _findings.GetOrAdd(invocation.Syntax, findings);
    }
}
