#!/usr/bin/env python3
"""Generates the security-event analyzer-cost project of docs/benchmarks.md ("Security-event rules").

An ASP.NET Core web project of N files (default 300) written like the account code of real apps: each file has an
MVC account controller (password sign-in tested branch by branch, sign-out, registration with a role, a password
change), an admin controller (AuthorizeAsync + Forbid, role grants, an export action), a service that wraps
SignInManager and one that logs through a helper one call away. About half of the operations emit an event
(a vocabulary EventId, a [LoggerMessage] EventName, a helper), the rest do not, so the rules do their full work.
CA1848/CA2254 are turned on so the SDK's logging analyzer is timed by the same build:

    python3 tests/AnalyzerCost/generate_security_events.py OUT_DIR ANALYZERS_DLL_DIR [FILES]
    dotnet build OUT_DIR --no-incremental -p:ReportAnalyzer=true -v:d \\
        | sed -n '/Total analyzer execution time/,/Total generator execution time/p'
"""
import os
import sys

out, analyzers = sys.argv[1], os.path.abspath(sys.argv[2])
files = int(sys.argv[3]) if len(sys.argv) > 3 else 300
os.makedirs(out, exist_ok=True)

with open(os.path.join(out, "SecurityEventCost.csproj"), "w") as f:
    f.write(f"""<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>$(NoWarn);CS1591;CS8618</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include="{analyzers}/SecureLogging.Analyzers.dll" />
  </ItemGroup>
</Project>
""")

with open(os.path.join(out, ".editorconfig"), "w") as f:
    f.write("""root = true
[*.cs]
dotnet_diagnostic.CA1848.severity = warning
dotnet_diagnostic.CA2254.severity = warning
""")

for name in ("Directory.Build.props", "Directory.Packages.props"):
    with open(os.path.join(out, name), "w") as f:
        f.write("<Project></Project>\n")

with open(os.path.join(out, "Shared.cs"), "w") as f:
    f.write("""using Microsoft.AspNetCore.Identity;

namespace Generated;

public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
}

public static class SecurityEvents
{
    public static readonly EventId LoginSucceeded = new(1000, "authentication.success");
    public static readonly EventId LoginFailed = new(1001, "authentication.failure");
    public static readonly EventId RoleGranted = new(1011, "account.role_granted");
}

public static partial class AuditLog
{
    [LoggerMessage(EventId = 1002, EventName = "authentication.logout", Level = LogLevel.Information, Message = "User {UserId} signed out")]
    public static partial void SignedOut(ILogger logger, string userId);

    [LoggerMessage(EventId = 1020, EventName = "account.created", Level = LogLevel.Information, Message = "Account {UserId} created")]
    public static partial void AccountCreated(ILogger logger, string userId);
}
""")

for i in range(files):
    emit = i % 2 == 0
    with open(os.path.join(out, f"Account{i:04}.cs"), "w") as f:
        f.write(f"""using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Generated.Area{i % 20};

public sealed class LoginInput{i}
{{
    public string Email {{ get; set; }} = "";
    public string Password {{ get; set; }} = "";
    public bool RememberMe {{ get; set; }}
}}

public sealed class AccountController{i} : Controller
{{
    private readonly SignInManager<AppUser> _signInManager;
    private readonly UserManager<AppUser> _userManager;
    private readonly ILogger<AccountController{i}> _logger;

    public AccountController{i}(SignInManager<AppUser> signInManager, UserManager<AppUser> userManager, ILogger<AccountController{i}> logger)
    {{
        _signInManager = signInManager;
        _userManager = userManager;
        _logger = logger;
    }}

    [HttpPost]
    public async Task<IActionResult> Login(LoginInput{i} input, string? returnUrl = null)
    {{
        if (!ModelState.IsValid)
        {{
            return View(input);
        }}

        var result = await _signInManager.PasswordSignInAsync(input.Email, input.Password, input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {{
            _logger.Log{"" if emit else "Information"}({"LogLevel.Information, SecurityEvents.LoginSucceeded, " if emit else ""}"User {{Email}} logged in", input.Email);
            return LocalRedirect(returnUrl ?? "/");
        }}

        if (result.RequiresTwoFactor)
        {{
            return RedirectToAction("LoginWith2fa", new {{ returnUrl, input.RememberMe }});
        }}

        if (result.IsLockedOut)
        {{
            _logger.LogWarning("User account locked out.");
            return RedirectToAction("Lockout");
        }}

        {"_logger.Log(LogLevel.Warning, SecurityEvents.LoginFailed, " + chr(34) + "Login failed for {Email}" + chr(34) + ", input.Email);" if emit else "ModelState.AddModelError(string.Empty, " + chr(34) + "Invalid login attempt." + chr(34) + ");"}
        return View(input);
    }}

    [HttpPost]
    public async Task<IActionResult> Logout()
    {{
        var userId = _userManager.GetUserId(User) ?? "unknown";
        await _signInManager.SignOutAsync();
        {"AuditLog.SignedOut(_logger, userId);" if emit else "_logger.LogInformation(" + chr(34) + "User {UserId} logged out." + chr(34) + ", userId);"}
        return RedirectToAction("Index", "Home");
    }}

    [HttpPost]
    public async Task<IActionResult> Register(LoginInput{i} input)
    {{
        var user = new AppUser {{ UserName = input.Email, Email = input.Email }};
        var created = await _userManager.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {{
            foreach (var error in created.Errors)
            {{
                ModelState.AddModelError(string.Empty, error.Description);
            }}

            return View(input);
        }}

        RecordCreated(user);
        await _userManager.AddToRoleAsync(user, "Customer");
        await _signInManager.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/");
    }}

    [HttpPost]
    public async Task<IActionResult> ChangePassword(string oldPassword, string newPassword)
    {{
        var user = await _userManager.GetUserAsync(User);
        if (user is null)
        {{
            return NotFound();
        }}

        var changed = await _userManager.ChangePasswordAsync(user, oldPassword, newPassword);
        if (!changed.Succeeded)
        {{
            return View();
        }}

        await _signInManager.RefreshSignInAsync(user);
        _logger.LogInformation("User changed their password successfully.");
        return RedirectToAction("Index");
    }}

    private void RecordCreated(AppUser user)
    {{
        {"AuditLog.AccountCreated(_logger, user.Id);" if emit else "_logger.LogInformation(" + chr(34) + "User created a new account with password." + chr(34) + ");"}
    }}
}}

[Authorize(Roles = "Admin")]
public sealed class AdminController{i} : Controller
{{
    private readonly UserManager<AppUser> _userManager;
    private readonly IAuthorizationService _authorization;
    private readonly ILogger<AdminController{i}> _logger;

    public AdminController{i}(UserManager<AppUser> userManager, IAuthorizationService authorization, ILogger<AdminController{i}> logger)
    {{
        _userManager = userManager;
        _authorization = authorization;
        _logger = logger;
    }}

    [HttpPost]
    public async Task<IActionResult> GrantRole(string userId, string role)
    {{
        var allowed = await _authorization.AuthorizeAsync(User, role, "ManageRoles");
        if (!allowed.Succeeded)
        {{
            return Forbid();
        }}

        var user = await _userManager.FindByIdAsync(userId);
        if (user is null)
        {{
            return NotFound();
        }}

        await _userManager.AddToRoleAsync(user, role);
        {"_logger.Log(LogLevel.Warning, SecurityEvents.RoleGranted, " + chr(34) + "Role {Role} granted to {UserId}" + chr(34) + ", role, userId);" if emit else "_logger.LogInformation(" + chr(34) + "Role {Role} granted to {UserId}" + chr(34) + ", role, userId);"}
        return Ok();
    }}

    [HttpGet]
    public IActionResult ExportUsers()
    {{
        var users = _userManager.Users.Select(u => new {{ u.Id, u.UserName }}).ToList();
        _logger.LogInformation("Exported {{Count}} users", users.Count);
        return Json(users);
    }}
}}

public sealed class SignInService{i}
{{
    private readonly SignInManager<AppUser> _signInManager;

    public SignInService{i}(SignInManager<AppUser> signInManager) => _signInManager = signInManager;

    public Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(string userName, string password)
        => _signInManager.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);

    public int Score(IEnumerable<string> names) => names.Where(n => n.Length > 3).Select(n => n.ToUpperInvariant()).Distinct().Count();
}}
""")
print(f"{files + 1} files in {out}")
