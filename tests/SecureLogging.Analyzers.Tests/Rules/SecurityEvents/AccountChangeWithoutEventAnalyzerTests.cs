using static SecureLogging.Analyzers.Tests.Rules.SecurityEvents.SecurityEventTestSources;
using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.AccountChangeWithoutEventAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

public class AccountChangeWithoutEventAnalyzerTests
{
    [Fact]
    public async Task AdminUserAndRoleManagementIsReportedWhereNoEventRecordsIt()
    {
        var source = Usings + """
            [Authorize(Roles = "Admin")]
            public class UsersController : Controller
            {
                private readonly UserManager<IdentityUser> _users;
                private readonly RoleManager<IdentityRole> _roles;
                private readonly ILogger<UsersController> _logger;

                public UsersController(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, ILogger<UsersController> logger)
                {
                    _users = users;
                    _roles = roles;
                    _logger = logger;
                }

                [HttpPost]
                public async Task<IActionResult> Create(string email)
                {
                    var user = new IdentityUser { UserName = email, Email = email };
                    var result = await {|#0:_users.CreateAsync(user)|};
                    if (!result.Succeeded)
                    {
                        _logger.LogWarning("Could not create {Email}", email);
                        return BadRequest(result.Errors);
                    }

                    _logger.LogInformation("Created user {Id}", user.Id);
                    return Ok();
                }

                [HttpPost]
                public async Task<IActionResult> CreateAudited(string email)
                {
                    var user = new IdentityUser { UserName = email, Email = email };
                    var result = await _users.CreateAsync(user);
                    if (!result.Succeeded)
                    {
                        return BadRequest(result.Errors);
                    }

                    _logger.LogAccountCreated(_users.GetUserId(User)!, user.Id);
                    return Ok();
                }

                // Only the failure is recorded: the change itself is not.
                [HttpPost]
                public async Task<IActionResult> Delete(string id)
                {
                    var user = await _users.FindByIdAsync(id);
                    if (user is null) return NotFound();
                    var result = await {|#1:_users.DeleteAsync(user)|};
                    if (!result.Succeeded)
                    {
                        _logger.LogSecurityEventFailure(id);
                        return BadRequest();
                    }

                    return NoContent();
                }

                [HttpPost]
                public async Task<IActionResult> Promote(string id, string[] roles)
                {
                    var user = await _users.FindByIdAsync(id);
                    // One event covers every API on its path (SPEC §6).
                    foreach (var role in roles)
                    {
                        await _users.AddToRoleAsync(user!, role);
                    }

                    await _roles.CreateAsync(new IdentityRole("Auditors"));
                    _logger.LogConfigurationChanged(_users.GetUserId(User)!, "roles");
                    return Ok();
                }

                [HttpPost]
                public async Task<IActionResult> Grant(string id, string role)
                {
                    var user = await _users.FindByIdAsync(id);
                    await {|#2:_users.AddToRoleAsync(user!, role)|};
                    return Ok();
                }

                [HttpPost]
                public async Task<IActionResult> Lock(string id)
                {
                    var user = await _users.FindByIdAsync(id);
                    await {|#3:_users.SetLockoutEndDateAsync(user!, DateTimeOffset.MaxValue)|};
                    await {|#4:_roles.DeleteAsync(new IdentityRole("Old"))|};
                    await _users.UpdateAsync(user!);
                    return Ok();
                }
            }

            public static class FailureLog
            {
                public static void LogSecurityEventFailure(this ILogger logger, string id) => logger.LogAccessDenied(id, "user", "delete", "failed");
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SL2004").WithLocation(0).WithArguments("CreateAsync", "creates an account"),
            Verify.Diagnostic("SL2004").WithLocation(1).WithArguments("DeleteAsync", "deletes an account"),
            Verify.Diagnostic("SL2004").WithLocation(2).WithArguments("AddToRoleAsync", "grants a role"),
            Verify.Diagnostic("SL2004").WithLocation(3).WithArguments("SetLockoutEndDateAsync", "changes an account's lockout or external logins"),
            Verify.Diagnostic("SL2004").WithLocation(4).WithArguments("DeleteAsync", "deletes a role"));
    }

    [Fact]
    public async Task RegisterPageWithEventAfterSuccessIsQuietAndAuthenticationApisAreNotThisRule()
    {
        var source = Usings + """
            public class RegisterModel : PageModel
            {
                private readonly UserManager<IdentityUser> _userManager;
                private readonly SignInManager<IdentityUser> _signInManager;
                private readonly ILogger<RegisterModel> _logger;

                public RegisterModel(UserManager<IdentityUser> userManager, SignInManager<IdentityUser> signInManager, ILogger<RegisterModel> logger)
                {
                    _userManager = userManager;
                    _signInManager = signInManager;
                    _logger = logger;
                }

                public string Email { get; set; } = "";
                public string Password { get; set; } = "";

                public async Task<IActionResult> OnPostAsync()
                {
                    var user = new IdentityUser { UserName = Email, Email = Email };
                    var result = await _userManager.CreateAsync(user, Password);
                    if (result.Succeeded)
                    {
                        _logger.LogAccountCreated(user.Id, user.Id);
                        await _signInManager.SignInAsync(user, isPersistent: false);
                        return LocalRedirect("/");
                    }

                    foreach (var error in result.Errors)
                    {
                        ModelState.AddModelError(string.Empty, error.Description);
                    }

                    return Page();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    /// <summary>At a wrapper's call site the message names the method called there and the API whose result it returns.</summary>
    [Fact]
    public async Task WrapperCallSiteMessageNamesTheWrapperAndTheApiItReturns()
    {
        var source = Usings + """
            public interface IUserService
            {
                Task<IdentityResult> CreateUserAsync(IdentityUser user);
            }

            public sealed class UserService : IUserService
            {
                private readonly UserManager<IdentityUser> _users;
                public UserService(UserManager<IdentityUser> users) => _users = users;
                public Task<IdentityResult> CreateUserAsync(IdentityUser user) => _users.CreateAsync(user);
            }

            public class UsersController : Controller
            {
                private readonly IUserService _userService;
                public UsersController(IUserService userService) => _userService = userService;

                public async Task<IActionResult> Create(string email)
                {
                    var result = await {|#0:_userService.CreateUserAsync(new IdentityUser(email))|};
                    return result.Succeeded ? Ok() : BadRequest();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2004").WithLocation(0).WithArguments("CreateUserAsync", "returns the result of 'CreateAsync', which creates an account"));
    }

    /// <summary>
    /// An API inside a lambda run as part of the body (<c>Task.WhenAll(… Select(r => AddToRoleAsync …))</c>) is on the
    /// body's paths: one event after it covers it; without one it is reported inside the lambda.
    /// </summary>
    [Fact]
    public async Task ApiInALambdaIsCoveredByAnEventOfTheBodyAroundIt()
    {
        var source = Usings + """
            public class RolesController : Controller
            {
                private readonly UserManager<IdentityUser> _users;
                private readonly ILogger<RolesController> _logger;

                public RolesController(UserManager<IdentityUser> users, ILogger<RolesController> logger)
                {
                    _users = users;
                    _logger = logger;
                }

                public async Task<IActionResult> Grant(IdentityUser user, string[] roles)
                {
                    await Task.WhenAll(roles.Select(role => _users.AddToRoleAsync(user, role)));
                    _logger.LogRoleGranted(User.Identity?.Name ?? "", user.Id, string.Join(",", roles));
                    return Ok();
                }

                public async Task<IActionResult> Revoke(IdentityUser user, string[] roles)
                {
                    await Task.WhenAll(roles.Select(role => {|#0:_users.RemoveFromRoleAsync(user, role)|}));
                    _logger.LogInformation("Revoked {Count} roles", roles.Length);
                    return Ok();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2004").WithLocation(0).WithArguments("RemoveFromRoleAsync", "revokes a role"));
    }
}
