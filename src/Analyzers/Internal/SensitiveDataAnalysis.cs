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
    private readonly ConcurrentDictionary<SyntaxTree, SensitivityClassifier> _classifierByTree = new();
    private readonly ConcurrentDictionary<SyntaxNode, Entry> _calls = new();
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<Finding>> _loggerMessageMethods = new(SymbolEqualityComparer.Default);
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

    /// <summary>The classifier for a file, with the word lists its .editorconfig adds and removes (looked up once per file).</summary>
    public SensitivityClassifier ClassifierFor(AnalyzerOptions options, SyntaxTree tree)
    {
        if (_classifierByTree.TryGetValue(tree, out var known))
        {
            return known;
        }

        return _classifierByTree.GetOrAdd(tree, ReadClassifier(options, tree));
    }

    private SensitivityClassifier ReadClassifier(AnalyzerOptions options, SyntaxTree tree)
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

    /// <summary>
    /// The logging call an invocation is (null when it is none), recognised once for every rule that asks. Invocations
    /// that cannot be logging calls are turned away by a symbol check and never cached.
    /// </summary>
    public LoggingCall? CallFor(IInvocationOperation invocation)
        => Recognizer.IsCandidate(invocation.TargetMethod) ? EntryFor(invocation).Call : null;

    /// <summary>The findings of one invocation (empty when it is not a logging call), computed once for all rules.</summary>
    public ImmutableArray<Finding> FindingsFor(IInvocationOperation invocation, AnalyzerOptions options)
    {
        if (!Recognizer.IsCandidate(invocation.TargetMethod))
        {
            return ImmutableArray<Finding>.Empty;
        }

        var entry = EntryFor(invocation);
        if (entry.Call is null)
        {
            return ImmutableArray<Finding>.Empty;
        }

        // Several rules may judge the same call at once; they compute the same findings, and the first one stored wins.
        if (entry.Findings is { IsDefault: false } findings)
        {
            return findings;
        }

        findings = entry.Call.Values.Length == 0
            ? ImmutableArray<Finding>.Empty
            : SensitiveValueJudge.Judge(entry.Call, Logging, ClassifierFor(options, invocation.Syntax.SyntaxTree));
        return entry.SetFindings(findings);
    }

    /// <summary>The findings of a <c>[LoggerMessage]</c> method's parameters, computed once for all rules.</summary>
    public ImmutableArray<Finding> FindingsFor(IMethodSymbol loggerMessageMethod, AnalyzerOptions options)
    {
        if (_loggerMessageMethods.TryGetValue(loggerMessageMethod, out var cached))
        {
            return cached;
        }

        var classifier = ClassifierFor(options, loggerMessageMethod.DeclaringSyntaxReferences[0].SyntaxTree);
        return _loggerMessageMethods.GetOrAdd(loggerMessageMethod, SensitiveValueJudge.JudgeLoggerMessageMethod(loggerMessageMethod, Recognizer, classifier));
    }

    private Entry EntryFor(IInvocationOperation invocation)
    {
        if (_calls.TryGetValue(invocation.Syntax, out var entry))
        {
            return entry;
        }

        var call = Recognizer.TryRecognize(invocation, out var recognized) ? recognized : null;
        return _calls.GetOrAdd(invocation.Syntax, call is null ? Entry.None : new Entry(call));
    }

    /// <summary>One recognised invocation: the call and, once judged, its findings.</summary>
    private sealed class Entry
    {
        public static readonly Entry None = new(null);

        private ImmutableArray<Finding> _findings;

        public Entry(LoggingCall? call) => Call = call;

        public LoggingCall? Call { get; }

        public ImmutableArray<Finding> Findings => _findings;

        public ImmutableArray<Finding> SetFindings(ImmutableArray<Finding> findings)
        {
            ImmutableInterlocked.InterlockedInitialize(ref _findings, findings);
            return _findings;
        }
    }
}
