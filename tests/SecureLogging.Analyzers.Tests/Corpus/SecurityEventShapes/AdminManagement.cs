using Shapes.Auditing;

namespace Shapes.Admin;

public sealed class RoleEditModel
{
    public string UserId { get; set; } = "";
    public List<RoleSelection> Roles { get; set; } = new();
}

public sealed class RoleSelection
{
    public string Name { get; set; } = "";
    public bool Selected { get; set; }
}

// An admin area for roles and role claims with RoleManager.
[Area("Admin")]
[Authorize(Roles = "Administrator")]
public class RolesController : Controller
{
    private readonly RoleManager<IdentityRole> _roleManager;
    private readonly UserManager<ApplicationUser> _userManager;
    private readonly ISecurityAuditor _auditor;
    private readonly ComplianceJournal _journal;
    private readonly ILogger<RolesController> _logger;

    public RolesController(RoleManager<IdentityRole> roleManager, UserManager<ApplicationUser> userManager, ISecurityAuditor auditor, ComplianceJournal journal, ILogger<RolesController> logger)
    {
        _roleManager = roleManager;
        _userManager = userManager;
        _auditor = auditor;
        _journal = journal;
        _logger = logger;
    }

    private string ActorId => _userManager.GetUserId(User) ?? "unknown";

    [HttpPost]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create(string roleName)
    {
        if (await _roleManager.RoleExistsAsync(roleName))
        {
            ModelState.AddModelError("", "Role already exists");
            return View();
        }

        IdentityResult result = await _roleManager.CreateAsync(new IdentityRole(roleName.Trim())); // expect: SL2004
        if (result.Succeeded)
        {
            _logger.LogInformation("Role {Role} created", roleName);
            return RedirectToAction(nameof(Index));
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Description);
        }

        return View();
    }

    public IActionResult Index() => View(_roleManager.Roles.ToList());

    [HttpPost]
    public async Task<IActionResult> Delete(string id)
    {
        var role = await _roleManager.FindByIdAsync(id);
        if (role == null)
        {
            return NotFound();
        }

        var result = await _roleManager.DeleteAsync(role);
        if (!result.Succeeded)
        {
            return BadRequest(result.Errors);
        }

        // The journal is a configured emitter (secure_logging.event_emitters).
        await _journal.WriteEntryAsync(ActorId, "role.deleted", role.Name ?? id);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> AddPermission(string roleId, string permission)
    {
        var role = await _roleManager.FindByIdAsync(roleId);
        if (role is null)
        {
            return NotFound();
        }

        var claims = await _roleManager.GetClaimsAsync(role);
        if (!claims.Any(c => c.Type == "permission" && c.Value == permission))
        {
            await _roleManager.AddClaimAsync(role, new Claim("permission", permission)); // expect: SL2004
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> RemovePermission(string roleId, string permission)
    {
        var role = await _roleManager.FindByIdAsync(roleId);
        if (role is null)
        {
            return NotFound();
        }

        foreach (var claim in (await _roleManager.GetClaimsAsync(role)).Where(c => c.Value == permission))
        {
            await _roleManager.RemoveClaimAsync(role, claim);
            _logger.LogConfigurationChanged(ActorId, $"role:{role.Name}:permission:{permission}:removed");
        }

        return RedirectToAction(nameof(Index));
    }

    // The classic "edit user roles" loop: every selected role added, every other removed, with no audit.
    [HttpPost]
    public async Task<IActionResult> EditUsersInRole(RoleEditModel model)
    {
        var user = await _userManager.FindByIdAsync(model.UserId);
        if (user is null)
        {
            return NotFound();
        }

        foreach (var role in model.Roles)
        {
            IdentityResult result;
            if (role.Selected && !await _userManager.IsInRoleAsync(user, role.Name))
            {
                result = await _userManager.AddToRoleAsync(user, role.Name); // expect: SL2004
            }
            else if (!role.Selected && await _userManager.IsInRoleAsync(user, role.Name))
            {
                result = await _userManager.RemoveFromRoleAsync(user, role.Name); // expect: SL2004
            }
            else
            {
                continue;
            }

            if (!result.Succeeded)
            {
                return View(model);
            }
        }

        return RedirectToAction(nameof(Index));
    }

    // Bulk grant through LINQ and Task.WhenAll, recorded once after; the bulk revoke records nothing.
    [HttpPost]
    public async Task<IActionResult> GrantToAll(string role, string[] userIds)
    {
        var users = await Task.WhenAll(userIds.Select(id => _userManager.FindByIdAsync(id)));
        await Task.WhenAll(users.OfType<ApplicationUser>().Select(user => _userManager.AddToRoleAsync(user, role)));
        _logger.LogRoleGranted(ActorId, string.Join(",", userIds), role);
        return Ok();
    }

    [HttpPost]
    public async Task<IActionResult> RevokeFromAll(string role, string[] userIds)
    {
        var users = await Task.WhenAll(userIds.Select(id => _userManager.FindByIdAsync(id)));
        var results = await Task.WhenAll(users.OfType<ApplicationUser>().Select(user => _userManager.RemoveFromRoleAsync(user, role))); // expect: SL2004
        return results.All(r => r.Succeeded) ? Ok() : BadRequest();
    }

    // The same loop audited through an interface-dispatched service on each branch.
    [HttpPost]
    public async Task<IActionResult> EditUsersInRoleAudited(RoleEditModel model)
    {
        var user = await _userManager.FindByIdAsync(model.UserId);
        if (user is null)
        {
            return NotFound();
        }

        foreach (var role in model.Roles)
        {
            if (role.Selected && !await _userManager.IsInRoleAsync(user, role.Name))
            {
                var added = await _userManager.AddToRoleAsync(user, role.Name);
                if (added.Succeeded)
                {
                    await _auditor.RoleChangedAsync(ActorId, user.Id, role.Name, granted: true);
                }
            }
            else if (!role.Selected && await _userManager.IsInRoleAsync(user, role.Name))
            {
                var removed = await _userManager.RemoveFromRoleAsync(user, role.Name);
                if (removed.Succeeded)
                {
                    await _auditor.RoleChangedAsync(ActorId, user.Id, role.Name, granted: false);
                }
            }
        }

        return RedirectToAction(nameof(Index));
    }
}

// User claims managed from an API controller.
[ApiController]
[Route("api/admin/users/{id}/claims")]
public class UserClaimsController : ControllerBase
{
    private readonly UserManager<ApplicationUser> _users;
    private readonly IAuditStore _audit;
    private readonly ILogger<UserClaimsController> _logger;

    public UserClaimsController(UserManager<ApplicationUser> users, IAuditStore audit, ILogger<UserClaimsController> logger)
    {
        _users = users;
        _audit = audit;
        _logger = logger;
    }

    [HttpPost]
    public async Task<IActionResult> Add(string id, [FromBody] Dictionary<string, string> claims)
    {
        var user = await _users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var result = await _users.AddClaimsAsync(user, claims.Select(c => new Claim(c.Key, c.Value))); // expect: SL2004
        return result.Succeeded ? NoContent() : BadRequest(result.Errors);
    }

    [HttpPut("{type}")]
    public async Task<IActionResult> Replace(string id, string type, [FromBody] string value)
    {
        var user = await _users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var existing = (await _users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == type);
        if (existing is null)
        {
            return NotFound();
        }

        var result = await _users.ReplaceClaimAsync(user, existing, new Claim(type, value));
        if (!result.Succeeded)
        {
            return BadRequest(result.Errors);
        }

        // IAuditStore.Append* is a configured emitter: an interface method with no implementation here.
        await _audit.AppendAsync("account.permission_granted", User.Identity?.Name ?? "", $"{id}:{type}={value}");
        return NoContent();
    }

    [HttpDelete("{type}")]
    public async Task<IActionResult> Remove(string id, string type)
    {
        var user = await _users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var claims = (await _users.GetClaimsAsync(user)).Where(c => c.Type == type).ToList();
        try
        {
            var result = await _users.RemoveClaimsAsync(user, claims);
            if (!result.Succeeded)
            {
                return BadRequest(result.Errors);
            }
        }
        catch (InvalidOperationException ex)
        {
            _logger.LogError(ex, "Claim removal failed");
            return StatusCode(500);
        }

        _logger.LogPermissionRevoked(User.Identity?.Name ?? "", id, type);
        return NoContent();
    }
}

// Wrapper services: methods returning the raw IdentityResult / bool count as the API at their callers (SPEC §6).
public interface IUserService
{
    Task<IdentityResult> CreateUserAsync(ApplicationUser user, string password);
    Task<IdentityResult> DeleteUserAsync(ApplicationUser user);
    Task<bool> ValidateCredentialsAsync(ApplicationUser user, string password);
}

public sealed class UserService : IUserService
{
    private readonly UserManager<ApplicationUser> _userManager;

    public UserService(UserManager<ApplicationUser> userManager) => _userManager = userManager;

    public Task<IdentityResult> CreateUserAsync(ApplicationUser user, string password) => _userManager.CreateAsync(user, password);

    public async Task<IdentityResult> DeleteUserAsync(ApplicationUser user)
    {
        var result = await _userManager.DeleteAsync(user).ConfigureAwait(false);
        return result;
    }

    public Task<bool> ValidateCredentialsAsync(ApplicationUser user, string password) => _userManager.CheckPasswordAsync(user, password);

    // Not a wrapper: it returns something computed from the result, so the call is judged here.
    public async Task<bool> TryGrantAdminAsync(ApplicationUser user)
        => (await _userManager.AddToRoleAsync(user, "Administrator")).Succeeded; // expect: SL2004
}

[ApiController]
[Route("api/admin/users")]
public class UsersController : ControllerBase
{
    private readonly IUserService _userService;
    private readonly UserManager<ApplicationUser> _users;
    private readonly ILogger<UsersController> _logger;

    public UsersController(IUserService userService, UserManager<ApplicationUser> users, ILogger<UsersController> logger)
    {
        _userService = userService;
        _users = users;
        _logger = logger;
    }

    [HttpPost]
    public async Task<IActionResult> Create(string email, string password)
    {
        var user = new ApplicationUser { UserName = email, Email = email };
        var result = await _userService.CreateUserAsync(user, password); // expect: SL2004
        return result.Succeeded ? CreatedAtAction(nameof(Get), new { id = user.Id }, null) : BadRequest(result.Errors);
    }

    [HttpPost("audited")]
    public async Task<IActionResult> CreateAudited(string email, string password)
    {
        var user = new ApplicationUser { UserName = email, Email = email };
        var result = await _userService.CreateUserAsync(user, password);
        if (!result.Succeeded)
        {
            return BadRequest(result.Errors);
        }

        _logger.LogAccountCreated(_users.GetUserId(User) ?? "system", user.Id);
        return CreatedAtAction(nameof(Get), new { id = user.Id }, null);
    }

    [HttpGet("{id}")]
    public Task<ApplicationUser?> Get(string id) => _users.FindByIdAsync(id);

    [HttpDelete("{id}")]
    public async Task<IActionResult> Delete(string id)
    {
        var user = await _users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var result = await _userService.DeleteUserAsync(user); // expect: SL2004
        return result.Succeeded ? NoContent() : BadRequest();
    }

    [HttpPost("{id}/verify-password")]
    public async Task<IActionResult> VerifyPassword(string id, [FromBody] string password)
    {
        var user = await _users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (await _userService.ValidateCredentialsAsync(user, password)) // expect: SL2002
        {
            _logger.LogLoginSucceeded(user.Id, user.UserName);
            return NoContent();
        }

        return Unauthorized(); // the failure is not recorded
    }
}
