namespace Corpus.Admin;

[Authorize(Roles = "Admin")]
public class UsersAdminController : Controller
{
    private readonly UserManager<AppUser> _users;
    private readonly RoleManager<IdentityRole> _roles;
    private readonly ILogger<UsersAdminController> _logger;

    public UsersAdminController(UserManager<AppUser> users, RoleManager<IdentityRole> roles, ILogger<UsersAdminController> logger)
    {
        _users = users;
        _roles = roles;
        _logger = logger;
    }

    private string Actor => _users.GetUserId(User) ?? "unknown";

    [HttpPost]
    public async Task<IActionResult> Create(string email, string password)
    {
        var user = new AppUser { UserName = email, Email = email };
        var result = await _users.CreateAsync(user, password); // expect: SL2004
        if (!result.Succeeded)
        {
            return BadRequest(result.Errors);
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> CreateAudited(string email, string password)
    {
        var user = new AppUser { UserName = email, Email = email };
        var result = await _users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return BadRequest(result.Errors);
        }

        _logger.LogAccountCreated(Actor, user.Id);
        return RedirectToAction(nameof(Index));
    }

    public IActionResult Index() => View();

    [HttpPost]
    public async Task<IActionResult> Delete(string id)
    {
        var user = await _users.FindByIdAsync(id);
        if (user == null) return NotFound();
        var result = await _users.DeleteAsync(user);
        if (result.Succeeded)
        {
            _logger.LogAccountDeleted(Actor, id);
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> SetRoles(string id, string[] add, string[] remove)
    {
        var user = await _users.FindByIdAsync(id);
        if (user == null) return NotFound();
        await _users.AddToRolesAsync(user, add); // expect: SL2004
        await _users.RemoveFromRolesAsync(user, remove); // expect: SL2004
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> GrantRole(string id, string role)
    {
        var user = await _users.FindByIdAsync(id);
        if (user == null) return NotFound();
        var result = await _users.AddToRoleAsync(user, role);
        if (!result.Succeeded) return BadRequest();
        _logger.LogRoleGranted(Actor, id, role);
        return Ok();
    }

    [HttpPost]
    public async Task<IActionResult> RevokeRole(string id, string role)
    {
        var user = await _users.FindByIdAsync(id);
        if (user == null) return NotFound();
        var result = await _users.RemoveFromRoleAsync(user, role); // expect: SL2004
        if (!result.Succeeded)
        {
            _logger.LogWarning("Could not revoke {Role} from {Id}", role, id);
            return BadRequest();
        }

        return Ok();
    }

    [HttpPost]
    public async Task<IActionResult> AddClaim(string id, string type, string value)
    {
        var user = await _users.FindByIdAsync(id);
        if (user == null) return NotFound();
        await _users.AddClaimAsync(user, new Claim(type, value));
        _logger.LogPermissionGranted(Actor, id, type + "=" + value);
        return Ok();
    }

    [HttpPost]
    public async Task<IActionResult> RemoveClaim(string id, string type, string value)
    {
        var user = await _users.FindByIdAsync(id);
        if (user == null) return NotFound();
        await _users.RemoveClaimAsync(user, new Claim(type, value)); // expect: SL2004
        return Ok();
    }

    [HttpPost]
    public async Task<IActionResult> Lock(string id)
    {
        var user = await _users.FindByIdAsync(id);
        if (user == null) return NotFound();
        await _users.SetLockoutEnabledAsync(user, true); // expect: SL2004
        await _users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(100)); // expect: SL2004
        await _users.UpdateSecurityStampAsync(user);
        return Ok();
    }

    [HttpPost]
    public async Task<IActionResult> Rename(string id, string name)
    {
        var user = await _users.FindByIdAsync(id);
        if (user == null) return NotFound();
        user.DisplayName = name;
        await _users.UpdateAsync(user);
        return Ok();
    }

    [HttpPost]
    public async Task<IActionResult> CreateRole(string name)
    {
        var result = await _roles.CreateAsync(new IdentityRole(name)); // expect: SL2004
        return result.Succeeded ? Ok() : BadRequest();
    }

    [HttpPost]
    public async Task<IActionResult> DeleteRole(string name)
    {
        var role = await _roles.FindByNameAsync(name);
        if (role is null) return NotFound();
        await _roles.DeleteAsync(role);
        _logger.LogConfigurationChanged(Actor, "role:" + name + ":deleted");
        return Ok();
    }

    [HttpPost]
    public async Task<IActionResult> AddRoleClaim(string name, string permission)
    {
        var role = await _roles.FindByNameAsync(name);
        if (role is null) return NotFound();
        await _roles.AddClaimAsync(role, new Claim("permission", permission)); // expect: SL2004
        return Ok();
    }
}

public class UserProvisioningService
{
    private readonly UserManager<AppUser> _users;
    private readonly Services.ISecurityAudit _audit;

    public UserProvisioningService(UserManager<AppUser> users, Services.ISecurityAudit audit)
    {
        _users = users;
        _audit = audit;
    }

    public async Task ProvisionAsync(IEnumerable<string> emails, string actor)
    {
        foreach (var email in emails)
        {
            var user = new AppUser { UserName = email, Email = email };
            var result = await _users.CreateAsync(user);
            if (result.Succeeded)
            {
                await _users.AddToRoleAsync(user, "Reader");
                await _audit.AccountChangedAsync(actor, user.Id, "provisioned");
            }
        }
    }

    // Returns the raw IdentityResult: a wrapper, judged at its callers.
    public Task<IdentityResult> DeactivateAsync(AppUser user) => _users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);

    public async Task DeactivateManyAsync(IEnumerable<AppUser> users)
    {
        foreach (var user in users)
        {
            await DeactivateAsync(user); // expect: SL2004
        }
    }
}
