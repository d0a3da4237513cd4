using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal.SecurityEvents;

/// <summary>Where an operation sits in a control-flow graph: the graph (a body, lambda or local function), block and statement.</summary>
internal readonly struct FlowLocation
{
    public FlowLocation(GraphFacts facts, int block, int index)
    {
        Facts = facts;
        Block = block;
        Index = index;
    }

    public GraphFacts Facts { get; }

    public int Block { get; }

    /// <summary>The index in <c>BasicBlock.Operations</c>; <c>Operations.Length</c> means the block's branch value.</summary>
    public int Index { get; }
}

/// <summary>Per-graph facts: which statements emit a security event, and the flow captures (for results tested through them).</summary>
internal sealed class GraphFacts
{
    public GraphFacts(ControlFlowGraph graph)
    {
        Graph = graph;
        OperationEmits = new bool[graph.Blocks.Length][];
        BlockEmits = new bool[graph.Blocks.Length];
    }

    public ControlFlowGraph Graph { get; }

    /// <summary>Per block, per statement (and the branch value last): does it emit a security event.</summary>
    public bool[][] OperationEmits { get; }

    public bool[] BlockEmits { get; }

    public Dictionary<CaptureId, List<IOperation>> Captures { get; } = new();

    /// <summary>Per block: does it contain a denial (computed on first request).</summary>
    public bool[]? BlockDenies { get; set; }

    public bool[][]? OperationDenies { get; set; }
}

/// <summary>
/// The control-flow view of one operation block (and its lambdas and local functions), for SPEC §6 coverage: an
/// invocation is covered on a path when a security event is emitted on that path in the same body, before or after it,
/// or by a method called on it. Paths are told apart by the branches that test the invocation's result.
/// </summary>
internal sealed class BodyFlow
{
    private readonly MethodSummaries _summaries;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<SyntaxNode, FlowLocation> _locations = new();
    private readonly Dictionary<ControlFlowGraph, (FlowLocation Location, SyntaxNode Lambda)> _lambdaSites = new();
    private SemanticModel? _model;

    private BodyFlow(MethodSummaries summaries, CancellationToken cancellationToken)
    {
        _summaries = summaries;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The flow of an operation block whose root (method body, constructor body, initializer, top-level statements) has a
    /// control-flow graph; null for blocks without one (attribute arguments).
    /// </summary>
    public static BodyFlow? TryCreate(Microsoft.CodeAnalysis.Diagnostics.OperationBlockAnalysisContext context, IOperation block, MethodSummaries summaries)
    {
        var root = block;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        if (root.Kind is not (OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
            or OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer))
        {
            return null;
        }

        return Create(context.GetControlFlowGraph(block), summaries, context.CancellationToken);
    }

    public static BodyFlow Create(ControlFlowGraph root, MethodSummaries summaries, CancellationToken cancellationToken)
    {
        var flow = new BodyFlow(summaries, cancellationToken) { _model = root.OriginalOperation.SemanticModel };
        var pending = new Stack<ControlFlowGraph>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var graph = pending.Pop();
            flow.Index(graph, pending);
            foreach (var localFunction in graph.LocalFunctions)
            {
                pending.Push(graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken));
            }
        }

        return flow;
    }

    /// <summary>The flow location of an invocation, object creation or other indexed node.</summary>
    public bool TryLocate(SyntaxNode node, out FlowLocation location) => _locations.TryGetValue(node, out location);

    /// <summary>
    /// Where the lambda whose body holds <paramref name="location"/> sits in the body around it (not for local
    /// functions, which are called rather than run in place).
    /// </summary>
    public bool TryGetLambdaSite(FlowLocation location, out FlowLocation site, out SyntaxNode lambda)
    {
        if (_lambdaSites.TryGetValue(location.Facts.Graph, out var found))
        {
            site = found.Location;
            lambda = found.Lambda;
            return true;
        }

        site = default;
        lambda = null!;
        return false;
    }

    /// <summary>True when an event is emitted before the location on some path to it (or earlier in its statement list).</summary>
    public bool IsCoveredBefore(FlowLocation location)
    {
        var facts = location.Facts;
        var emits = facts.OperationEmits[location.Block];
        for (var i = 0; i <= location.Index && i < emits.Length; i++)
        {
            if (emits[i])
            {
                return true;
            }
        }

        var seen = new HashSet<int>();
        var pending = new Stack<int>();
        pending.Push(location.Block);
        while (pending.Count > 0)
        {
            var block = facts.Graph.Blocks[pending.Pop()];
            foreach (var predecessor in block.Predecessors)
            {
                var source = predecessor.Source.Ordinal;
                if (seen.Add(source))
                {
                    if (facts.BlockEmits[source])
                    {
                        return true;
                    }

                    pending.Push(source);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Follows every path from the invocation at <paramref name="location"/> to the end of its body, classifying it by the
    /// branches that test the result (<paramref name="resultNode"/> or the local it was stored in).
    /// </summary>
    public PathCoverage Analyze(FlowLocation location, SyntaxNode resultNode, Func<IOperation, bool>? isDenial = null)
    {
        var coverage = new PathCoverage();
        if (IsCoveredBefore(location))
        {
            coverage.CoveredBefore = true;
            return coverage;
        }

        var facts = location.Facts;
        if (isDenial is not null)
        {
            EnsureDenials(facts, isDenial);
        }

        var startBlock = facts.Graph.Blocks[location.Block];
        var resultLocal = FindResultLocal(startBlock, location.Index, resultNode);
        var emits = facts.OperationEmits[location.Block];
        var saw = false;
        var denied = false;
        for (var i = location.Index + 1; i < emits.Length; i++)
        {
            saw |= emits[i];
            denied |= facts.OperationDenies?[location.Block][i] == true;
        }

        var tests = new ResultTests(facts.Captures, resultNode, resultLocal, _summaries.Context.Symbols.PasswordVerificationResult);
        var visited = new HashSet<int>();
        var pending = new Stack<(int Block, OutcomeState State, bool Saw, bool Denied)>();
        Follow(startBlock, OutcomeState.Unknown, saw, denied);
        while (pending.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (ordinal, state, blockSaw, blockDenied) = pending.Pop();
            Follow(facts.Graph.Blocks[ordinal], state, blockSaw, blockDenied);
        }

        return coverage;

        void Follow(BasicBlock block, OutcomeState state, bool saw, bool denied)
        {
            if (block.Kind == BasicBlockKind.Exit)
            {
                Terminal(state, saw, denied);
                return;
            }

            if (block.ConditionKind != ControlFlowConditionKind.None && block.ConditionalSuccessor is { } conditional && block.BranchValue is { } value)
            {
                var (kind, positive) = tests.Classify(value);
                var whenTrue = Apply(state, kind, positive);
                var whenFalse = Apply(state, kind, !positive);
                var conditionalOnTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                Edge(conditional, conditionalOnTrue ? whenTrue : whenFalse, saw, denied);
                Edge(block.FallThroughSuccessor, conditionalOnTrue ? whenFalse : whenTrue, saw, denied);
            }
            else
            {
                Edge(block.FallThroughSuccessor, state, saw, denied);
            }
        }

        void Edge(ControlFlowBranch? branch, OutcomeState? state, bool saw, bool denied)
        {
            if (state is not { } reached)
            {
                return; // infeasible: the branch contradicts what the path already knows
            }

            if (branch is not null)
            {
                foreach (var region in branch.FinallyRegions)
                {
                    for (var i = region.FirstBlockOrdinal; i <= region.LastBlockOrdinal; i++)
                    {
                        saw |= facts.BlockEmits[i];
                    }
                }
            }

            if (branch?.Destination is not { } destination)
            {
                Terminal(reached, saw, denied, branch?.Semantics is ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow);
                return;
            }

            saw |= facts.BlockEmits[destination.Ordinal];
            denied |= facts.BlockDenies?[destination.Ordinal] == true;
            var key = (destination.Ordinal * 5 + (int)reached) * 4 + (saw ? 2 : 0) + (denied ? 1 : 0);
            if (visited.Add(key))
            {
                pending.Push((destination.Ordinal, reached, saw, denied));
            }
        }

        void Terminal(OutcomeState state, bool saw, bool denied, bool thrown = false)
        {
            coverage.AddTerminal(state, saw, thrown);
            if (denied && state is OutcomeState.Failure or OutcomeState.Lockout)
            {
                coverage.FailureReachesDenial = true;
            }
        }
    }

    private static OutcomeState? Apply(OutcomeState state, ResultTestKind kind, bool value)
    {
        switch (kind)
        {
            case ResultTestKind.Succeeded:
                if (value)
                {
                    return state is OutcomeState.Unknown or OutcomeState.Success ? OutcomeState.Success : null;
                }

                return state == OutcomeState.Success ? null : state == OutcomeState.Unknown ? OutcomeState.Failure : state;
            case ResultTestKind.IsLockedOut:
                if (value)
                {
                    return state is OutcomeState.Unknown or OutcomeState.Failure or OutcomeState.Lockout ? OutcomeState.Lockout : null;
                }

                return state == OutcomeState.Lockout ? null : state;
            case ResultTestKind.RequiresTwoFactor:
                if (value)
                {
                    return state is OutcomeState.Unknown or OutcomeState.Failure or OutcomeState.TwoFactor ? OutcomeState.TwoFactor : null;
                }

                return state == OutcomeState.TwoFactor ? null : state;
            case ResultTestKind.IsNotAllowed:
                if (value)
                {
                    return state is OutcomeState.Unknown or OutcomeState.Failure ? OutcomeState.Failure : null;
                }

                return state;
            default:
                return state;
        }
    }

    private static ILocalSymbol? FindResultLocal(BasicBlock block, int index, SyntaxNode resultNode)
    {
        if (index < block.Operations.Length
            && block.Operations[index] is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
            && OperationHelpers.StripRaw(assignment.Value)?.Syntax == resultNode)
        {
            return target.Local;
        }

        return null;
    }

    private void EnsureDenials(GraphFacts facts, Func<IOperation, bool> isDenial)
    {
        if (facts.BlockDenies is not null)
        {
            return;
        }

        var blocks = facts.Graph.Blocks;
        var blockDenies = new bool[blocks.Length];
        var operationDenies = new bool[blocks.Length][];
        foreach (var block in blocks)
        {
            var count = block.Operations.Length;
            var flags = new bool[count + 1];
            for (var i = 0; i <= count; i++)
            {
                var operation = i < count ? block.Operations[i] : block.BranchValue;
                if (operation is null)
                {
                    continue;
                }

                foreach (var node in DescendantsAndSelf(operation))
                {
                    if (isDenial(node))
                    {
                        flags[i] = true;
                        blockDenies[block.Ordinal] = true;
                        break;
                    }
                }
            }

            operationDenies[block.Ordinal] = flags;
        }

        facts.OperationDenies = operationDenies;
        facts.BlockDenies = blockDenies;
    }

    private void Index(ControlFlowGraph graph, Stack<ControlFlowGraph> pending)
    {
        var facts = new GraphFacts(graph);
        foreach (var block in graph.Blocks)
        {
            var count = block.Operations.Length;
            var emits = new bool[count + 1];
            for (var i = 0; i <= count; i++)
            {
                var operation = i < count ? block.Operations[i] : block.BranchValue;
                if (operation is null)
                {
                    continue;
                }

                if (operation is IFlowCaptureOperation capture)
                {
                    if (!facts.Captures.TryGetValue(capture.Id, out var values))
                    {
                        facts.Captures[capture.Id] = values = new List<IOperation>();
                    }

                    values.Add(capture.Value);
                }

                foreach (var node in DescendantsAndSelf(operation))
                {
                    switch (node)
                    {
                        case IFlowAnonymousFunctionOperation lambda:
                            var lambdaGraph = graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken);
                            if (RunsInPlace(lambda))
                            {
                                _lambdaSites[lambdaGraph] = (new FlowLocation(facts, block.Ordinal, i), lambda.Syntax);
                            }

                            pending.Push(lambdaGraph);
                            break;
                        case IInvocationOperation invocation:
                            Remember(invocation.Syntax, facts, block.Ordinal, i);
                            if (!emits[i] && _summaries.InvocationEmits(Original(invocation), _cancellationToken))
                            {
                                emits[i] = true;
                                facts.BlockEmits[block.Ordinal] = true;
                            }

                            break;
                        case IObjectCreationOperation or IThrowOperation or ISimpleAssignmentOperation:
                            Remember(node.Syntax, facts, block.Ordinal, i);
                            break;
                    }
                }
            }

            facts.OperationEmits[block.Ordinal] = emits;
        }
    }

    /// <summary>
    /// True for a lambda handed to a .NET base-library method (<c>Enumerable.Select</c>, <c>List.ForEach</c>,
    /// <c>Task.Run</c>…): it runs as part of the body. A lambda given to the app's own code or to a framework registration
    /// (<c>MapPost</c>, <c>AddJwtBearer</c>, an event hook) is a handler that runs later, on its own.
    /// </summary>
    private static bool RunsInPlace(IFlowAnonymousFunctionOperation lambda)
    {
        var parent = lambda.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is not IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { } method } })
        {
            return false;
        }

        var ns = method.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" };
    }

    /// <summary>
    /// The invocation as the source tree has it: the graph lowers conditional arguments into flow captures
    /// (<c>new EventId(1, ok ? "authentication.success" : "authentication.failure")</c>), which hides their constants.
    /// </summary>
    private IInvocationOperation Original(IInvocationOperation invocation)
        => _model?.GetOperation(invocation.Syntax, _cancellationToken) as IInvocationOperation ?? invocation;

    private void Remember(SyntaxNode node, GraphFacts facts, int block, int index)
    {
        if (!_locations.ContainsKey(node))
        {
            _locations[node] = new FlowLocation(facts, block, index);
        }
    }

    /// <summary>The operation and its descendants, not entering lambdas (their bodies are graphs of their own).</summary>
    private static IEnumerable<IOperation> DescendantsAndSelf(IOperation operation)
    {
        var stack = new Stack<IOperation>();
        stack.Push(operation);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            if (current is IFlowAnonymousFunctionOperation)
            {
                continue;
            }

            foreach (var child in current.ChildOperations)
            {
                stack.Push(child);
            }
        }
    }
}
