using System.Globalization;

namespace SecureLogging.Alerts.Detection;

/// <summary>
/// The six SPEC §9 detections over a stream of observations, with every per-key structure bounded. Not
/// thread-safe: the detector sink serialises calls. Time is passed in by the caller (ticks of
/// UTC, non-decreasing).
/// </summary>
internal sealed class DetectionEngine
{
    /// <summary>Longer account names and addresses are cut here: they are attacker-chosen and kept as table keys.</summary>
    internal const int MaxKeyLength = 256;

    private const int MaxTrackedGrants = 4096;

    private readonly KeyHasher _hasher;
    private readonly BoundedStateTable<AccountFailureState> _accounts;
    private readonly BoundedStateTable<AddressFailureState> _addresses;
    private readonly BoundedStateTable<UserAccessHistory> _users;
    private readonly BoundedStateTable<GrantThrottleState> _grants;
    private readonly AdminRoleMatcher _adminRoles;

    private readonly bool _bruteForce, _spraying, _stuffing, _distributed, _privilege, _unusual, _selfGrant;
    private readonly int _bfFailures, _bfBeforeSuccess, _sprayAccounts, _sprayMax, _stuffAccounts, _stuffAttempts, _stuffMax;
    private readonly int _dbfFailures, _dbfAddresses;
    private readonly long _bfWindow, _sprayWindow, _stuffWindow, _dbfWindow, _history, _update, _accountWindow, _addressWindow;

    public DetectionEngine(SecureLoggingAlertOptions options, KeyHasher? hasher = null)
    {
        _hasher = hasher ?? new KeyHasher();
        _update = options.UpdateInterval.Ticks;

        _bruteForce = options.BruteForce.Enabled;
        _bfFailures = options.BruteForce.Failures;
        _bfBeforeSuccess = options.BruteForce.FailuresBeforeSuccess;
        _bfWindow = options.BruteForce.Window.Ticks;

        _spraying = options.PasswordSpraying.Enabled;
        _sprayAccounts = options.PasswordSpraying.Accounts;
        _sprayMax = options.PasswordSpraying.MaxAttemptsPerAccount;
        _sprayWindow = options.PasswordSpraying.Window.Ticks;

        _stuffing = options.CredentialStuffing.Enabled;
        _stuffAccounts = options.CredentialStuffing.Accounts;
        _stuffAttempts = options.CredentialStuffing.Attempts;
        _stuffMax = options.CredentialStuffing.MaxAttemptsPerAccount;
        _stuffWindow = options.CredentialStuffing.Window.Ticks;

        _distributed = options.DistributedBruteForce.Enabled;
        _dbfFailures = options.DistributedBruteForce.Failures;
        _dbfAddresses = options.DistributedBruteForce.IpAddresses;
        _dbfWindow = options.DistributedBruteForce.Window.Ticks;

        _privilege = options.PrivilegeEscalation.Enabled;
        _selfGrant = options.PrivilegeEscalation.AlertOnSelfGrant;
        IEnumerable<string> roles = options.PrivilegeEscalation.AdminRoles ?? new List<string>();
        _adminRoles = new AdminRoleMatcher(options.PrivilegeEscalation.IncludeDefaultAdminRoles
            ? PrivilegeEscalationAlertOptions.DefaultAdminRoles.Concat(roles)
            : roles);

        _unusual = options.UnusualAccess.Enabled;
        _history = options.UnusualAccess.History.Ticks;

        _accountWindow = Math.Max(_bfWindow, _dbfWindow);
        _addressWindow = Math.Max(_sprayWindow, _stuffWindow);
        int failureCapacity = Math.Max(_bfFailures, Math.Max(_bfBeforeSuccess, _dbfFailures));
        // A few slots beyond the threshold so the evidence can say "6 ip addresses", not just "at least 5".
        int perAccountAddresses = Math.Max(8, _dbfAddresses + 3);
        _accounts = new BoundedStateTable<AccountFailureState>(
            options.MaxTrackedAccounts,
            () => new AccountFailureState(failureCapacity, perAccountAddresses),
            EvictionPolicy.LeastFrequent,
            TimeSpan.FromTicks(_accountWindow),
            admissionSketch: true);

        int addressCapacity = _stuffAttempts;
        int perAddressAccounts = options.MaxAccountsPerIpAddress;
        _addresses = new BoundedStateTable<AddressFailureState>(
            options.MaxTrackedIpAddresses,
            () => new AddressFailureState(addressCapacity, perAddressAccounts),
            EvictionPolicy.LeastFrequent,
            TimeSpan.FromTicks(_addressWindow),
            admissionSketch: true);

        int userAddresses = options.UnusualAccess.MaxIpAddressesPerUser;
        int userAgents = options.UnusualAccess.MaxUserAgentsPerUser;
        _users = new BoundedStateTable<UserAccessHistory>(options.MaxTrackedUsers, () => new UserAccessHistory(userAddresses, userAgents), EvictionPolicy.LeastRecent, options.UnusualAccess.History);
        _grants = new BoundedStateTable<GrantThrottleState>(MaxTrackedGrants, () => new GrantThrottleState(), EvictionPolicy.LeastRecent, options.UpdateInterval);
    }

    /// <summary>Events looked at.</summary>
    public long Observed { get; private set; }

    /// <summary>Failures whose account or ip address could not get a slot (the tables were full of busier keys).</summary>
    public long Untracked => _accounts.Rejections + _addresses.Rejections;

    /// <summary>Alerts and updates raised.</summary>
    public long Raised { get; private set; }

    /// <summary>Triggers folded into an alert already raised (de-duplication).</summary>
    public long Suppressed { get; private set; }

    public BoundedStateTable<AccountFailureState> Accounts => _accounts;

    public BoundedStateTable<AddressFailureState> Addresses => _addresses;

    public BoundedStateTable<UserAccessHistory> Users => _users;

    /// <summary>The hash the tables key <paramref name="key"/> by (cut to <see cref="MaxKeyLength"/> like every key).</summary>
    public ulong HashKey(string key) => _hasher.Hash(KeySpan(key));

    /// <summary>Runs every detection over one observation, appending any alert raised to <paramref name="alerts"/>.</summary>
    public void Observe(in SecurityObservation observation, long nowTicks, List<DetectedAlert> alerts)
    {
        Observed++;
        switch (observation.Kind)
        {
            case ObservationKind.AuthenticationFailure:
                OnFailure(observation, nowTicks, alerts);
                break;
            case ObservationKind.AuthenticationSuccess:
                OnSuccess(observation, nowTicks, alerts);
                break;
            case ObservationKind.Grant:
                OnGrant(observation, nowTicks, alerts);
                break;
        }
    }

    private void OnFailure(in SecurityObservation o, long now, List<DetectedAlert> alerts)
    {
        string? account = o.Account;
        if (account is null)
        {
            // A failure with no account (an invalid bearer token, say) says nothing about any of the detections.
            return;
        }

        // Each key is hashed once; the tables and per-key sets hold only hashes, and a key string is cut (Key) only
        // when an alert names it.
        ulong accountHash = _hasher.Hash(KeySpan(account));
        string? ip = string.IsNullOrEmpty(o.IpAddress) ? null : o.IpAddress;
        ulong ipHash = ip is null ? 0 : _hasher.Hash(KeySpan(ip));
        if (_bruteForce || _distributed)
        {
            AccountFailureState? state = _accounts.GetOrAdmit(accountHash, now);
            if (state is not null)
            {
                state.Failures.Add(now);
                state.Run.Add(now, _accountWindow);
                if (ipHash != 0)
                {
                    state.Addresses.Touch(ipHash, now);
                }

                if (_bruteForce && state.Failures.HasAtLeast(_bfFailures, now, _bfWindow))
                {
                    RaiseBruteForce(o, account, state, now, alerts);
                }

                if (_distributed && state.Failures.HasAtLeast(_dbfFailures, now, _dbfWindow))
                {
                    int addresses = state.Addresses.CountWithin(now, _dbfWindow);
                    if (addresses >= _dbfAddresses)
                    {
                        RaiseDistributed(o, account, state, addresses, now, alerts);
                    }
                }
            }
        }

        if ((_spraying || _stuffing) && ip is not null)
        {
            AddressFailureState? state = _addresses.GetOrAdmit(ipHash, now);
            if (state is not null)
            {
                state.AddFailure(accountHash, now, _addressWindow);
                state.Run.Add(now, _addressWindow);
                if (_spraying)
                {
                    int accounts = state.CountAccounts(now, _sprayWindow, _sprayMax, out int attempts);
                    if (accounts >= _sprayAccounts)
                    {
                        RaiseSpraying(o, ip, state, accounts, attempts, now, alerts);
                    }
                }

                if (_stuffing && state.Failures.HasAtLeast(_stuffAttempts, now, _stuffWindow))
                {
                    int accounts = state.CountAccounts(now, _stuffWindow, _stuffMax, out _);
                    if (accounts >= _stuffAccounts)
                    {
                        RaiseStuffing(o, ip, state, accounts, now, alerts);
                    }
                }
            }
        }
    }

    private void OnSuccess(in SecurityObservation o, long now, List<DetectedAlert> alerts)
    {
        string? account = o.Account;
        if (account is null)
        {
            return;
        }

        ulong accountHash = _hasher.Hash(KeySpan(account));
        if (_bruteForce)
        {
            // Only an account already tracked for failures can have failed before: no slot is taken for successes.
            AccountFailureState? state = _accounts.Find(accountHash);
            if (state is not null)
            {
                long since = Math.Max(state.LastSuccessTicks, now - _bfWindow);
                int failures = state.Failures.CountAfter(since, out long first);
                if (failures >= _bfBeforeSuccess)
                {
                    var fields = new List<KeyValuePair<string, object?>>
                    {
                        new("account", Key(account)),
                        new("detection", "failures_then_success"),
                        new("failure_count", failures),
                        new("threshold", _bfBeforeSuccess),
                        new("window_seconds", Seconds(_bfWindow)),
                        new("first_seen", Iso(first)),
                        new("last_seen", Iso(now)),
                        new("update", false),
                        new("suppressed_count", 0),
                    };
                    Raised++;
                    alerts.Add(new DetectedAlert(
                        SecurityEventNames.AlertBruteForce,
                        SecurityOutcome.Success,
                        string.Create(CultureInfo.InvariantCulture, $"Successful sign-in after {failures} failed attempts within {Minutes(_bfWindow)} for one account: the attacker may have found the password."),
                        o,
                        o.UserId,
                        o.UserName,
                        o.IpAddress,
                        fields));
                }

                state.LastSuccessTicks = now;
            }
        }

        if (_unusual)
        {
            OnSuccessHistory(o, account, accountHash, now, alerts);
        }
    }

    private void OnSuccessHistory(in SecurityObservation o, string account, ulong accountHash, long now, List<DetectedAlert> alerts)
    {
        UserAccessHistory? history = _users.GetOrAdmit(accountHash, now);
        if (history is null)
        {
            return;
        }

        string? ip = string.IsNullOrEmpty(o.IpAddress) ? null : o.IpAddress;
        string? agent = string.IsNullOrEmpty(o.UserAgent) ? null : o.UserAgent;
        ulong ipHash = ip is null ? 0 : _hasher.Hash(KeySpan(ip));
        ulong agentHash = agent is null ? 0 : _hasher.Hash(KeySpan(agent));
        long previous = history.LastSuccessTicks;

        // Only a user with an earlier success in the history can look unusual; anyone else (new, forgotten,
        // after a restart) silently starts a history with this success.
        if (previous != 0 && now - previous < _history)
        {
            bool newAddress = ip is not null && !history.Addresses.Contains(ipHash, now, _history);
            bool newAgent = agent is not null && !history.UserAgents.Contains(agentHash, now, _history);
            if (newAddress || newAgent)
            {
                int knownAddresses = history.Addresses.CountWithin(now, _history);
                int knownAgents = history.UserAgents.CountWithin(now, _history);
                ThrottleDecision decision = history.Unusual.Evaluate(now, _update, _update);
                if (Emit(decision, ref history.Unusual, out int suppressed))
                {
                    string what = newAddress && newAgent ? "an ip address and a user agent" : newAddress ? "an ip address" : "a user agent";
                    var fields = new List<KeyValuePair<string, object?>>
                    {
                        new("account", Key(account)),
                        new("detection", newAddress && newAgent ? "new_ip_address_and_user_agent" : newAddress ? "new_ip_address" : "new_user_agent"),
                        new("new_ip_address", newAddress),
                        new("new_user_agent", newAgent),
                        new("known_ip_address_count", knownAddresses),
                        new("known_user_agent_count", knownAgents),
                        new("history_seconds", Seconds(_history)),
                        new("previous_success", Iso(previous)),
                        new("first_seen", Iso(history.Unusual.AttackStartTicks)),
                        new("last_seen", Iso(now)),
                        new("update", decision == ThrottleDecision.Update),
                        new("suppressed_count", suppressed),
                    };
                    alerts.Add(new DetectedAlert(
                        SecurityEventNames.AlertUnusualAccess,
                        SecurityOutcome.Success,
                        string.Create(CultureInfo.InvariantCulture, $"Successful sign-in from {what} not seen for this user in the last {Minutes(_history)}."),
                        o,
                        o.UserId,
                        o.UserName,
                        o.IpAddress,
                        fields));
                }
            }
        }

        if (ip is not null)
        {
            history.Addresses.Touch(ipHash, now);
        }

        if (agent is not null)
        {
            history.UserAgents.Touch(agentHash, now);
        }

        history.LastSuccessTicks = now;
    }

    private void OnGrant(in SecurityObservation o, long now, List<DetectedAlert> alerts)
    {
        if (!_privilege)
        {
            return;
        }

        string? granted = o.Role ?? o.Permission;
        bool adminRole = _adminRoles.IsAdminClass(o.Role) || _adminRoles.IsAdminClass(o.Permission);
        bool selfGrant = _selfGrant
            && o.EventName is SecurityEventNames.AccountRoleGranted or SecurityEventNames.AccountPermissionGranted
            && !string.IsNullOrEmpty(o.UserId)
            && string.Equals(o.UserId, o.TargetUserId, StringComparison.OrdinalIgnoreCase);
        if (!adminRole && !selfGrant)
        {
            return;
        }

        // The same grant repeated (a retry loop, a re-run script) is one alert plus updates, not one per call.
        ulong key = _hasher.Combine(
            _hasher.Combine(_hasher.Hash(KeySpan(o.UserId)), _hasher.Hash(KeySpan(o.TargetUserId ?? o.Account))),
            _hasher.Hash(KeySpan(granted)));
        GrantThrottleState? state = _grants.GetOrAdmit(key, now);
        ThrottleDecision decision = ThrottleDecision.Alert;
        int suppressed = 0;
        long firstSeen = now;
        if (state is not null)
        {
            decision = state.Throttle.Evaluate(now, _update, _update);
            if (!Emit(decision, ref state.Throttle, out suppressed))
            {
                return;
            }

            firstSeen = state.Throttle.AttackStartTicks;
        }
        else
        {
            Raised++;
        }

        string detection = adminRole && selfGrant ? "admin_role_self_granted" : adminRole ? "admin_role_granted" : "self_granted";
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("detection", detection),
            new("source_event", o.EventName),
            new("actor_user_id", o.UserId),
            new("target_user_id", o.TargetUserId),
            new("role", o.Role),
            new("permission", o.Permission),
            new("first_seen", Iso(firstSeen)),
            new("last_seen", Iso(now)),
            new("update", decision == ThrottleDecision.Update),
            new("suppressed_count", suppressed),
        };
        string reason = adminRole && selfGrant
            ? $"A user granted the admin-class '{granted}' to itself."
            : adminRole
                ? $"The admin-class '{granted}' was granted."
                : $"A user granted '{granted}' to itself.";
        alerts.Add(new DetectedAlert(SecurityEventNames.AlertPrivilegeEscalation, SecurityOutcome.Success, reason, o, o.UserId, o.UserName, o.IpAddress, fields));
    }

    private void RaiseBruteForce(in SecurityObservation o, string account, AccountFailureState state, long now, List<DetectedAlert> alerts)
    {
        ThrottleDecision decision = state.BruteForce.Evaluate(now, _update, _bfWindow);
        if (!Emit(decision, ref state.BruteForce, out int suppressed))
        {
            return;
        }

        var fields = new List<KeyValuePair<string, object?>>
        {
            new("account", Key(account)),
            new("detection", "failure_threshold"),
            new("failure_count", state.Run.Count),
            new("threshold", _bfFailures),
            new("window_seconds", Seconds(_bfWindow)),
            new("ip_address_count", state.Addresses.CountWithin(now, _bfWindow)),
            new("first_seen", Iso(state.Run.FirstTicks)),
            new("last_seen", Iso(now)),
            new("update", decision == ThrottleDecision.Update),
            new("suppressed_count", suppressed),
        };
        alerts.Add(new DetectedAlert(
            SecurityEventNames.AlertBruteForce,
            SecurityOutcome.Failure,
            string.Create(CultureInfo.InvariantCulture, $"{state.Run.Count} failed sign-ins for one account since {Iso(state.Run.FirstTicks)} (threshold {_bfFailures} within {Minutes(_bfWindow)})."),
            o,
            o.UserId,
            o.UserName,
            o.IpAddress,
            fields));
    }

    private void RaiseDistributed(in SecurityObservation o, string account, AccountFailureState state, int addresses, long now, List<DetectedAlert> alerts)
    {
        ThrottleDecision decision = state.Distributed.Evaluate(now, _update, _dbfWindow);
        if (!Emit(decision, ref state.Distributed, out int suppressed))
        {
            return;
        }

        var fields = new List<KeyValuePair<string, object?>>
        {
            new("account", Key(account)),
            new("detection", "many_ip_addresses"),
            new("failure_count", state.Run.Count),
            new("ip_address_count", addresses),
            new("threshold", _dbfFailures),
            new("threshold_ip_addresses", _dbfAddresses),
            new("window_seconds", Seconds(_dbfWindow)),
            new("first_seen", Iso(state.Run.FirstTicks)),
            new("last_seen", Iso(now)),
            new("update", decision == ThrottleDecision.Update),
            new("suppressed_count", suppressed),
        };
        alerts.Add(new DetectedAlert(
            SecurityEventNames.AlertDistributedBruteForce,
            SecurityOutcome.Failure,
            string.Create(CultureInfo.InvariantCulture, $"{state.Run.Count} failed sign-ins for one account from {addresses} or more ip addresses (threshold {_dbfFailures} from {_dbfAddresses} within {Minutes(_dbfWindow)})."),
            o,
            o.UserId,
            o.UserName,
            o.IpAddress,
            fields));
    }

    private void RaiseSpraying(in SecurityObservation o, string ip, AddressFailureState state, int accounts, int attempts, long now, List<DetectedAlert> alerts)
    {
        ThrottleDecision decision = state.Spraying.Evaluate(now, _update, _sprayWindow);
        if (!Emit(decision, ref state.Spraying, out int suppressed))
        {
            return;
        }

        var fields = new List<KeyValuePair<string, object?>>
        {
            new("detection", "many_accounts_few_attempts"),
            new("account_count", accounts),
            new("account_attempt_count", attempts),
            new("failure_count", state.Run.Count),
            new("threshold", _sprayAccounts),
            new("max_attempts_per_account", _sprayMax),
            new("window_seconds", Seconds(_sprayWindow)),
            new("first_seen", Iso(state.Run.FirstTicks)),
            new("last_seen", Iso(now)),
            new("update", decision == ThrottleDecision.Update),
            new("suppressed_count", suppressed),
        };
        alerts.Add(new DetectedAlert(
            SecurityEventNames.AlertPasswordSpraying,
            SecurityOutcome.Failure,
            string.Create(CultureInfo.InvariantCulture, $"Failed sign-ins for {accounts} accounts from one ip address with at most {_sprayMax} attempts each within {Minutes(_sprayWindow)}."),
            o,
            null,
            null,
            Key(ip),
            fields));
    }

    private void RaiseStuffing(in SecurityObservation o, string ip, AddressFailureState state, int accounts, long now, List<DetectedAlert> alerts)
    {
        ThrottleDecision decision = state.Stuffing.Evaluate(now, _update, _stuffWindow);
        if (!Emit(decision, ref state.Stuffing, out int suppressed))
        {
            return;
        }

        int windowAttempts = state.Failures.CountAfter(now - _stuffWindow, out _);
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("detection", "many_accounts_one_or_two_attempts"),
            new("account_count", accounts),
            new("attempt_count", windowAttempts),
            new("failure_count", state.Run.Count),
            new("threshold", _stuffAccounts),
            new("threshold_attempts", _stuffAttempts),
            new("max_attempts_per_account", _stuffMax),
            new("window_seconds", Seconds(_stuffWindow)),
            new("first_seen", Iso(state.Run.FirstTicks)),
            new("last_seen", Iso(now)),
            new("update", decision == ThrottleDecision.Update),
            new("suppressed_count", suppressed),
        };
        alerts.Add(new DetectedAlert(
            SecurityEventNames.AlertCredentialStuffing,
            SecurityOutcome.Failure,
            string.Create(CultureInfo.InvariantCulture, $"{windowAttempts} or more failed sign-ins for {accounts} accounts from one ip address, at most {_stuffMax} each, within {Minutes(_stuffWindow)}."),
            o,
            null,
            null,
            Key(ip),
            fields));
    }

    private bool Emit(ThrottleDecision decision, ref AlertThrottle throttle, out int suppressed)
    {
        suppressed = 0;
        switch (decision)
        {
            case ThrottleDecision.Alert:
                Raised++;
                return true;
            case ThrottleDecision.Update:
                Raised++;
                suppressed = throttle.Suppressed;
                throttle.ClearSuppressed();
                return true;
            default:
                Suppressed++;
                return false;
        }
    }

    private static string? Key(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return value.Length <= MaxKeyLength ? value : value.Substring(0, MaxKeyLength);
    }

    /// <summary>The part of a key that is hashed: attacker-chosen strings are cut at <see cref="MaxKeyLength"/>.</summary>
    private static ReadOnlySpan<char> KeySpan(string? value)
    {
        if (value is null)
        {
            return ReadOnlySpan<char>.Empty;
        }

        return value.Length <= MaxKeyLength ? value.AsSpan() : value.AsSpan(0, MaxKeyLength);
    }

    private static long Seconds(long ticks) => ticks / TimeSpan.TicksPerSecond;

    private static string Minutes(long ticks)
    {
        var span = TimeSpan.FromTicks(ticks);
        return span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays)
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0} days")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.##} min");
    }

    internal static string Iso(long ticks) =>
        new DateTimeOffset(ticks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
