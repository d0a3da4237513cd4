using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal.SecurityEvents;

namespace SecureLogging.Analyzers.CodeFixes.Internal.SecurityEvents;

/// <summary>The outcome an inserted event records.</summary>
internal enum FixOutcome
{
    Success,
    Failure,

    /// <summary>The <c>IsNotAllowed</c> branch (a failure with reason <c>not_allowed</c>).</summary>
    NotAllowed,

    /// <summary>The <c>IsLockedOut</c> branch.</summary>
    Lockout,
}

/// <summary>
/// Finds, in the statements after an API call with an outcome, the branches that test its result
/// (<c>if (result.Succeeded)</c>, <c>if (!result.Succeeded) return …;</c>, <c>if (result.IsLockedOut)</c>, a bool result,
/// <c>else</c>, the code after an early return) and where each outcome's event goes: first in its branch. It follows
/// the statement structure the way the SL2001/SL2002 path analysis follows the flow graph; when a path leaves the
/// result untested (or the structure is not plain statements and ifs), it reports that it cannot place the events.
/// </summary>
internal sealed class OutcomeBranches
{
    private enum PathState
    {
        Unknown,
        Success,
        Failure,
        NotAllowed,
        Lockout,
        TwoFactor,

        /// <summary>Every outcome reaching here was already given its event in its own branch.</summary>
        Done,
    }

    private readonly SemanticModel _model;
    private readonly ResultTests _tests;
    private readonly SyntaxNode _resultNode;
    private readonly bool _resultInCondition;
    private readonly Func<StatementSyntax, bool> _emits;
    private readonly bool _successMissing;
    private readonly bool _failureMissing;
    private readonly CancellationToken _cancellationToken;
    private readonly List<(Insertion Point, FixOutcome Outcome)> _found = new();
    private bool _incomplete;

    /// <param name="resultInCondition">The call sits in the first <c>if</c>'s condition (<c>if (!await um.CheckPasswordAsync(…))</c>).</param>
    public OutcomeBranches(SemanticModel model, ResultTests tests, SyntaxNode resultNode, bool resultInCondition, Func<StatementSyntax, bool> emits, bool successMissing, bool failureMissing, CancellationToken cancellationToken)
    {
        _model = model;
        _tests = tests;
        _resultNode = resultNode;
        _resultInCondition = resultInCondition;
        _emits = emits;
        _successMissing = successMissing;
        _failureMissing = failureMissing;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Walks <paramref name="statements"/> from <paramref name="start"/> (the statement after the call, or the <c>if</c>
    /// holding it). Returns the event places (the <see cref="Insertion"/>s carry no code yet), or null when some path
    /// after the call cannot be given its outcome.
    /// </summary>
    public List<(Insertion Point, FixOutcome Outcome)>? Find(SyntaxList<StatementSyntax> statements, int start, BlockSyntax? block)
    {
        var end = block is null ? null : new Insertion(InsertionKind.EndOf, block, "");
        var point = start < statements.Count ? new Insertion(InsertionKind.Before, statements[start], "") : end;
        Walk(statements, start, new Path(PathState.Unknown, false, point), end);
        return _incomplete ? null : _found;
    }

    private readonly struct Path
    {
        public Path(PathState state, bool covered, Insertion? point)
        {
            State = state;
            Covered = covered;
            Point = point;
        }

        public PathState State { get; }

        /// <summary>An event is already emitted on this path.</summary>
        public bool Covered { get; }

        /// <summary>Where this path's event goes: the start of the branch that decided its outcome.</summary>
        public Insertion? Point { get; }

        public Path With(PathState state, Insertion? point) => new(state, Covered, point);

        public Path WithCovered() => new(State, true, Point);
    }

    private void Walk(IReadOnlyList<StatementSyntax> statements, int start, Path path, Insertion? end)
    {
        for (var i = start; i < statements.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var statement = statements[i];
            if (statement is IfStatementSyntax branch && Test(branch.Condition) is { } test)
            {
                var whenTrue = Apply(path.State, test.Kind, test.Positive);
                var whenFalse = Apply(path.State, test.Kind, !test.Positive);
                var thenEnds = whenTrue is null || !EndReachable(branch.Statement);
                if (whenTrue is { } trueState)
                {
                    Region(branch.Statement, path.With(trueState, new Insertion(InsertionKind.StartOf, branch.Statement, "")));
                }

                if (branch.Else is { } clause)
                {
                    if (whenFalse is { } falseState)
                    {
                        Region(clause.Statement, path.With(falseState, new Insertion(InsertionKind.StartOf, clause.Statement, "")));
                    }

                    if (thenEnds && (whenFalse is null || !EndReachable(clause.Statement)))
                    {
                        return;
                    }

                    path = path.With(PathState.Done, null);
                }
                else if (thenEnds)
                {
                    if (whenFalse is not { } falseState)
                    {
                        return;
                    }

                    // The code after an early return is the other outcome's branch.
                    path = path.With(falseState, i + 1 < statements.Count ? new Insertion(InsertionKind.Before, statements[i + 1], "") : end);
                }
                else
                {
                    if (whenFalse is { } falseState)
                    {
                        Terminal(path.With(falseState, new Insertion(InsertionKind.NewElse, branch, "")));
                    }

                    path = path.With(PathState.Done, null);
                }

                continue;
            }

            var emits = _emits(statement);
            if (emits && statement is ExpressionStatementSyntax or LocalDeclarationStatementSyntax)
            {
                path = path.WithCovered();
            }

            if (ContainsExit(statement))
            {
                Terminal(emits ? path.WithCovered() : path);
            }

            if (!EndReachable(statement))
            {
                return;
            }
        }

        Terminal(path.Point is null && path.State != PathState.Done ? path.With(path.State, end) : path);
    }

    private void Region(StatementSyntax branch, Path path)
    {
        if (branch is BlockSyntax block)
        {
            Walk(block.Statements, 0, path, new Insertion(InsertionKind.EndOf, block, ""));
        }
        else
        {
            Walk(new[] { branch }, 0, path, null);
        }
    }

    private void Terminal(Path path)
    {
        FixOutcome outcome;
        switch (path.State)
        {
            case PathState.Done:
            case PathState.TwoFactor:
                return;
            case PathState.Unknown:
                _incomplete |= !path.Covered;
                return;
            case PathState.Success:
                if (!_successMissing || path.Covered)
                {
                    return;
                }

                outcome = FixOutcome.Success;
                break;
            default:
                if (!_failureMissing || path.Covered)
                {
                    return;
                }

                outcome = path.State switch
                {
                    PathState.Lockout => FixOutcome.Lockout,
                    PathState.NotAllowed => FixOutcome.NotAllowed,
                    _ => FixOutcome.Failure,
                };
                break;
        }

        if (path.Point is null)
        {
            _incomplete = true;
            return;
        }

        foreach (var (point, known) in _found)
        {
            if (point.Kind == path.Point.Kind && point.Node == path.Point.Node && known == outcome)
            {
                return;
            }
        }

        _found.Add((path.Point, outcome));
    }

    private (ResultTestKind Kind, bool Positive)? Test(ExpressionSyntax condition)
    {
        if (_model.GetOperation(condition, _cancellationToken) is not { } operation)
        {
            return null;
        }

        var (kind, positive) = _tests.Classify(operation);
        if (kind == ResultTestKind.None && _resultInCondition
            && OperationHelpersStrip(operation) is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.ConditionalAnd } binary
            && binary.RightOperand.Syntax.Span.Contains(_resultNode.Span))
        {
            // user is null || !await CheckPasswordAsync(user, …): every path through the call goes where the right side sends it.
            (kind, positive) = _tests.Classify(binary.RightOperand);
        }

        return kind == ResultTestKind.None ? null : (kind, positive);
    }

    private static IOperation OperationHelpersStrip(IOperation operation)
        => OperationHelpers.StripConversions(operation) ?? operation;

    private static PathState? Apply(PathState state, ResultTestKind kind, bool value)
    {
        if (state == PathState.Done)
        {
            return state;
        }

        switch (kind)
        {
            case ResultTestKind.Succeeded:
                if (value)
                {
                    return state is PathState.Unknown or PathState.Success ? PathState.Success : null;
                }

                return state == PathState.Success ? null : state == PathState.Unknown ? PathState.Failure : state;
            case ResultTestKind.IsLockedOut:
                return Narrow(state, value, PathState.Lockout);
            case ResultTestKind.RequiresTwoFactor:
                return Narrow(state, value, PathState.TwoFactor);
            case ResultTestKind.IsNotAllowed:
                return Narrow(state, value, PathState.NotAllowed);
            default:
                return state;
        }
    }

    /// <summary>A test for one kind of failure: true narrows an unknown or failed result to it; false rules it out.</summary>
    private static PathState? Narrow(PathState state, bool value, PathState kind)
    {
        if (value)
        {
            return state is PathState.Unknown or PathState.Failure || state == kind ? kind : null;
        }

        return state == kind ? null : state;
    }

    private bool EndReachable(StatementSyntax statement)
    {
        try
        {
            var flow = _model.AnalyzeControlFlow(statement);
            return flow is null || !flow.Succeeded || flow.EndPointIsReachable;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Half-typed code the flow analysis cannot take: assume the end is reached (the walk then stays conservative).
            return true;
        }
    }

    /// <summary>A return or throw in the statement (not in a lambda or local function): a path ends inside it.</summary>
    private static bool ContainsExit(StatementSyntax statement)
    {
        foreach (var node in statement.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax or ThrowStatementSyntax or ThrowExpressionSyntax
                || node is YieldStatementSyntax yield && yield.IsKind(SyntaxKind.YieldBreakStatement))
            {
                return true;
            }
        }

        return false;
    }
}
