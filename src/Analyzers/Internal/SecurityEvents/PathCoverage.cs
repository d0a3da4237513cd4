namespace SecureLogging.Analyzers.Internal.SecurityEvents;

/// <summary>What is known about an API's outcome on a path, from the branches that test its result.</summary>
internal enum OutcomeState
{
    /// <summary>The result is not tested on this path: it stands for every outcome.</summary>
    Unknown = 0,

    Success = 1,

    Failure = 2,

    /// <summary>A failure on the <c>IsLockedOut</c> branch.</summary>
    Lockout = 3,

    /// <summary>The <c>RequiresTwoFactor</c> branch: the sign-in continues elsewhere, no event needed.</summary>
    TwoFactor = 4,
}

/// <summary>The paths through one invocation, by outcome, and whether each emits a security event.</summary>
internal sealed class PathCoverage
{
    private readonly bool[] _covered = new bool[5];
    private readonly bool[] _uncovered = new bool[5];
    private readonly bool[] _uncoveredThrown = new bool[5];

    /// <summary>An event is emitted before the invocation (on some path to it, or earlier in its statement list).</summary>
    public bool CoveredBefore { get; set; }

    /// <summary>Some failure-class path after the invocation reaches a denial (for <c>AuthorizeAsync</c>).</summary>
    public bool FailureReachesDenial { get; set; }

    /// <summary>
    /// True when some path with the given outcome ends; <paramref name="withEvent"/> tells whether it emitted, and
    /// <paramref name="thrown"/> whether it ends by throwing.
    /// </summary>
    public void AddTerminal(OutcomeState state, bool withEvent, bool thrown = false)
    {
        if (withEvent)
        {
            _covered[(int)state] = true;
        }
        else if (thrown)
        {
            _uncoveredThrown[(int)state] = true;
        }
        else
        {
            _uncovered[(int)state] = true;
        }
    }

    /// <summary>
    /// A path with this outcome ends without an event. A path that ends by throwing counts only when no path with the
    /// same outcome records it: an exception raised after the outcome is known (the next step failed) aborts the
    /// request, and the outcome was recorded where the code completes normally; a failure that is only ever thrown
    /// (<c>if (!result.Succeeded) throw …</c>) is still unrecorded.
    /// </summary>
    private bool Uncovered(OutcomeState state)
        => _uncovered[(int)state] || (_uncoveredThrown[(int)state] && !_covered[(int)state]);

    public bool AnyCovered => CoveredBefore || _covered[0] || _covered[1] || _covered[2] || _covered[3] || _covered[4];

    /// <summary>Some path on which the operation may have succeeded emits an event.</summary>
    public bool SuccessCovered => CoveredBefore || _covered[(int)OutcomeState.Success] || _covered[(int)OutcomeState.Unknown];

    /// <summary>Some failure path (lockout included) emits an event.</summary>
    public bool AnyFailureCovered => CoveredBefore || _covered[(int)OutcomeState.Failure] || _covered[(int)OutcomeState.Lockout] || _covered[(int)OutcomeState.Unknown];

    /// <summary>A path that may be the success ends without an event.</summary>
    public bool SuccessUncovered => !CoveredBefore && (Uncovered(OutcomeState.Success) || Uncovered(OutcomeState.Unknown));

    /// <summary>
    /// A failure path ends without an event. A lockout branch is covered by any failure-path event (SPEC §6); a
    /// two-factor branch needs none.
    /// </summary>
    public bool FailureUncovered => !CoveredBefore
        && (Uncovered(OutcomeState.Failure) || Uncovered(OutcomeState.Unknown) || (Uncovered(OutcomeState.Lockout) && !AnyFailureCovered));

    /// <summary>The result was tested for failure on some path (a failure-class path exists).</summary>
    public bool HasFailurePath => _covered[(int)OutcomeState.Failure] || _uncovered[(int)OutcomeState.Failure] || _uncoveredThrown[(int)OutcomeState.Failure]
        || _covered[(int)OutcomeState.Lockout] || _uncovered[(int)OutcomeState.Lockout] || _uncoveredThrown[(int)OutcomeState.Lockout];

    /// <summary>Some failure-class path (not two-factor, not unknown) emits an event.</summary>
    public bool FailurePathCovered => _covered[(int)OutcomeState.Failure] || _covered[(int)OutcomeState.Lockout];
}
