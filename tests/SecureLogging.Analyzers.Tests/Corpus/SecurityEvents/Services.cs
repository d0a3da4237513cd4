namespace Corpus.Services;

public interface ISecurityAudit
{
    void LoginSucceeded(AppUser user);
    void LoginFailed(string userName, string reason);
    Task AccountChangedAsync(string actor, string target, string what);
}

public sealed class SecurityAudit : ISecurityAudit
{
    private readonly ILogger<SecurityAudit> _logger;
    public SecurityAudit(ILogger<SecurityAudit> logger) => _logger = logger;

    public void LoginSucceeded(AppUser user) => _logger.LogLoginSucceeded(user.Id, user.UserName);
    public void LoginFailed(string userName, string reason) => _logger.LogLoginFailed(userName, reason);

    public Task AccountChangedAsync(string actor, string target, string what)
    {
        _logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) { UserId = actor, TargetUserId = target, Reason = what });
        return Task.CompletedTask;
    }
}

public interface IAuthService
{
    Task<SignInResult> SignInAsync(string user, string password);
    Task<bool> LoginAsync(string user, string password);
}

public sealed class AuthService : IAuthService
{
    private readonly SignInManager<AppUser> _signIn;
    private readonly UserManager<AppUser> _users;
    private readonly ISecurityAudit _audit;
    private readonly ILogger<AuthService> _logger;

    public AuthService(SignInManager<AppUser> signIn, UserManager<AppUser> users, ISecurityAudit audit, ILogger<AuthService> logger)
    {
        _signIn = signIn;
        _users = users;
        _audit = audit;
        _logger = logger;
    }

    // Wrapper: raw result, no event; judged at callers.
    public Task<SignInResult> SignInAsync(string user, string password) => _signIn.PasswordSignInAsync(user, password, false, true);

    // Helper one call away (through an interface) does the logging.
    public async Task<bool> LoginAsync(string user, string password)
    {
        var result = await _signIn.PasswordSignInAsync(user, password, false, true);
        if (result.Succeeded)
        {
            var appUser = await _users.FindByNameAsync(user);
            _audit.LoginSucceeded(appUser!);
            return true;
        }

        _audit.LoginFailed(user, result.IsLockedOut ? "locked_out" : "invalid_credentials");
        return false;
    }

    // Returns a computed bool, not the raw result: judged here.
    public async Task<bool> ValidateAsync(string userName, string password)
    {
        var user = await _users.FindByNameAsync(userName);
        if (user is null) return false;
        var ok = await _users.CheckPasswordAsync(user, password); // expect: SL2001
        return ok && !await _users.IsLockedOutAsync(user);
    }

    // A local helper records the failure; success is silent.
    public async Task<bool> ValidateHalfAsync(string userName, string password)
    {
        var user = await _users.FindByNameAsync(userName);
        if (user is null) return false;
        if (await _users.CheckPasswordAsync(user, password)) // expect: SL2002
        {
            return true;
        }

        Reject(userName);
        return false;
    }

    private void Reject(string userName) => _logger.LogLoginFailed(userName, "invalid_credentials");
}

public class PasswordCheckService
{
    private readonly IPasswordHasher<AppUser> _hasher;
    private readonly ILogger<PasswordCheckService> _logger;

    public PasswordCheckService(IPasswordHasher<AppUser> hasher, ILogger<PasswordCheckService> logger)
    {
        _hasher = hasher;
        _logger = logger;
    }

    public bool Verify(AppUser user, string password)
    {
        var result = _hasher.VerifyHashedPassword(user, user.PasswordHash ?? "", password); // expect: SL2001
        return result != PasswordVerificationResult.Failed;
    }

    public bool VerifyLogged(AppUser user, string password)
    {
        var result = _hasher.VerifyHashedPassword(user, user.PasswordHash ?? "", password);
        if (result == PasswordVerificationResult.Failed)
        {
            _logger.LogLoginFailed(user.UserName, "invalid_credentials");
            return false;
        }

        _logger.LogLoginSucceeded(user.Id, user.UserName);
        return true;
    }

    public bool VerifyFailureOnly(AppUser user, string password)
    {
        var result = _hasher.VerifyHashedPassword(user, user.PasswordHash ?? "", password); // expect: SL2002
        if (result == PasswordVerificationResult.Failed)
        {
            _logger.LogLoginFailed(user.UserName, "invalid_credentials");
            return false;
        }

        return true;
    }
}

[ApiController]
[Route("api/session")]
public class SessionController : ControllerBase
{
    private readonly IAuthService _auth;
    private readonly ILogger<SessionController> _logger;

    public SessionController(IAuthService auth, ILogger<SessionController> logger)
    {
        _auth = auth;
        _logger = logger;
    }

    [HttpPost]
    public async Task<IActionResult> Create(TokenRequestDto request)
    {
        var result = await _auth.SignInAsync(request.User, request.Password); // expect: SL2001
        return result.Succeeded ? Ok() : Unauthorized();
    }

    [HttpPost("v2")]
    public async Task<IActionResult> CreateV2(TokenRequestDto request)
    {
        var result = await _auth.SignInAsync(request.User, request.Password);
        if (!result.Succeeded)
        {
            _logger.LogLoginFailed(request.User, "invalid_credentials");
            return Unauthorized();
        }

        _logger.LogLoginSucceeded(request.User);
        return Ok();
    }

    [HttpPost("v3")]
    public async Task<IActionResult> CreateV3(TokenRequestDto request)
        => await _auth.LoginAsync(request.User, request.Password) ? Ok() : Unauthorized();
}

public record TokenRequestDto(string User, string Password);
