namespace SecureLogging.Cli.Tests;

public sealed class ScanLooseFilesTests : IDisposable
{
    private static readonly string[] OurRules = ["--rules", "SL4001,SL4002,SL4003"];
    private readonly TempTree _tree = new();

    public ScanLooseFilesTests()
    {
        _tree.Write("Options.cs", ScanSources.Options);
        _tree.Write("src/Startup.cs", ScanSources.Startup);
    }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void LooseFolder_ReportsExactFindings()
    {
        var (exit, findings, report) = CliRunner.ScanJson([_tree.Root, .. OurRules]);

        Assert.Equal(0, exit); // warnings only
        Assert.Equal(
            [
                ("SL4002", "src/Startup.cs", 7, 73, "warning"),
                ("SL4002", "src/Startup.cs", 14, 9, "warning"),
                ("SL4002", "src/Startup.cs", 15, 38, "warning"),
                ("SL4001", "src/Startup.cs", 16, 29, "warning"),
            ],
            findings);
        Assert.Equal(2, report.RootElement.GetProperty("filesAnalysed").GetInt32());
    }

    [Fact]
    public void SyntaxErrors_StillReportWithoutCrashing()
    {
        _tree.Write("Broken.cs", ScanSources.Broken);

        var (exit, findings, _) = CliRunner.ScanJson([_tree.Root, .. OurRules]);

        Assert.Equal(0, exit);
        Assert.Contains(("SL4001", "Broken.cs", 5, 23, "warning"), findings);
        Assert.Contains(("SL4002", "Broken.cs", 7, 9, "warning"), findings);
        Assert.Equal(6, findings.Count);
    }

    [Fact]
    public void EditorConfigSeverities_ApplyToLooseFiles_AndErrorsExitWithOne()
    {
        _tree.Write(".editorconfig", """
            root = true
            [*.cs]
            dotnet_diagnostic.SL4002.severity = error
            [src/**.cs]
            dotnet_diagnostic.SL4001.severity = none
            """);

        var (exit, findings, _) = CliRunner.ScanJson([_tree.Root, .. OurRules]);

        Assert.Equal(1, exit);
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal(("SL4002", "error"), (f.Rule, f.Severity)));
    }

    [Fact]
    public void RulesAndMinimumSeverity_FilterTheReportAndTheExitCode()
    {
        _tree.Write(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.SL4002.severity = error\n");

        var onlyRetention = CliRunner.ScanJson(_tree.Root, "--rules", "sl4001");
        Assert.Equal(0, onlyRetention.ExitCode);
        Assert.Equal([("SL4001", "src/Startup.cs", 16, 29, "warning")], onlyRetention.Findings);

        var errorsOnly = CliRunner.ScanJson([_tree.Root, .. OurRules, "--min-severity", "error"]);
        Assert.Equal(1, errorsOnly.ExitCode);
        Assert.Equal(3, errorsOnly.Findings.Count);
        Assert.DoesNotContain(errorsOnly.Findings, f => f.Rule == "SL4001");
    }

    [Fact]
    public void ClassifiedParameterInAnApplication_ReportsCompilationEndRule()
    {
        using var app = new TempTree();
        app.Write("Program.cs", ScanSources.ClassifiedApp);

        var (_, findings, _) = CliRunner.ScanJson(app.Root, "--rules", "SL4003");

        Assert.Equal([("SL4003", "Program.cs", 15, 78, "warning")], findings);
    }

    [Fact]
    public void UnrestoredProject_IsScannedAsLooseFilesWithItsSdkUsings()
    {
        using var project = new TempTree();
        project.Write("Shop.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
            </Project>
            """);
        project.Write("Options.cs", ScanSources.Options);
        project.Write("Startup.cs", ScanSources.Startup);
        project.Write("bin/Debug/Ignored.cs", ScanSources.Startup);

        var (_, findings, report) = CliRunner.ScanJson([project.Root, .. OurRules]);

        Assert.Equal(4, findings.Count);
        Assert.All(findings, f => Assert.Equal("Startup.cs", f.File));
        Assert.Contains(report.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("not restored", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(project.Root, "obj")), "scan must not restore or write into the target");
    }

    [Fact]
    public void UnrestoredProject_TakesImplicitUsingsFromDirectoryBuildProps()
    {
        // Only the props turns implicit usings on: without them 'Exception' does not bind, the LogError overload cannot
        // be chosen and the logged password would be missed.
        using var repo = new TempTree();
        repo.Write("Directory.Build.props", """
            <Project><PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>
            """);
        repo.Write("src/Directory.Build.props", """
            <Project>
              <Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />
              <PropertyGroup><Nullable>enable</Nullable></PropertyGroup>
            </Project>
            """);
        repo.Write("src/Core/Core.csproj", """
            <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>
            """);
        repo.Write("src/Core/Vault.cs", """
            using Microsoft.Extensions.Logging;

            namespace Core;

            public class Vault(ILogger<Vault> logger)
            {
                public void Unlock(string masterPassword)
                {
                    try
                    {
                        Open(masterPassword);
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Unlock failed for {MasterPassword}", masterPassword);
                    }
                }

                private static void Open(string key) => ArgumentException.ThrowIfNullOrEmpty(key);
            }
            """);

        var (_, findings, _) = CliRunner.ScanJson(repo.Root, "--rules", "SL1001");

        Assert.Equal([("SL1001", "Vault.cs", 15, 71, "error")], findings.Select(f => (f.Rule, Path.GetFileName(f.File), f.Line, f.Column, f.Severity)));
    }

    [Theory]
    [InlineData("Duende.IdentityServer")]
    [InlineData("IdentityServer4")]
    public void IdentityServerEventServiceCountsAsAnAuditSinkWithoutTheLibrary(string library)
    {
        // The IdentityServer quickstart's login: RaiseAsync records both outcomes, so only the logout, which raises
        // nothing, is reported, although neither IdentityServer library is among the bundled references.
        using var folder = new TempTree();
        folder.Write("AccountController.cs", $$"""
            using System.Threading.Tasks;
            using {{library}}.Events;
            using {{library}}.Services;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Mvc;

            public class AccountController : Controller
            {
                private readonly SignInManager<IdentityUser> _signInManager;
                private readonly IEventService _events;

                public AccountController(SignInManager<IdentityUser> signInManager, IEventService events)
                {
                    _signInManager = signInManager;
                    _events = events;
                }

                public async Task<IActionResult> Login(string username, string password)
                {
                    var result = await _signInManager.PasswordSignInAsync(username, password, false, lockoutOnFailure: true);
                    if (result.Succeeded)
                    {
                        await _events.RaiseAsync(new UserLoginSuccessEvent(username, username, username));
                        return Redirect("~/");
                    }

                    await _events.RaiseAsync(new UserLoginFailureEvent(username, "invalid credentials"));
                    return View();
                }

                public async Task<IActionResult> Logout()
                {
                    await _signInManager.SignOutAsync();
                    return Redirect("~/");
                }
            }
            """);

        var (_, findings, _) = CliRunner.ScanJson(folder.Root, "--rules", "SL2001,SL2002");

        Assert.Equal([("SL2001", "AccountController.cs", 33, 15, "warning")], findings);
    }

    [Fact]
    public void AbpSecurityLogManagerCountsAsAnAuditSinkWithoutTheLibrary()
    {
        using var folder = new TempTree();
        folder.Write("LoginModel.cs", """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Volo.Abp.Identity;

            public class LoginModel : PageModel
            {
                private readonly SignInManager<IdentityUser> _signInManager;
                private readonly IdentitySecurityLogManager _securityLog;

                public LoginModel(SignInManager<IdentityUser> signInManager, IdentitySecurityLogManager securityLog)
                {
                    _signInManager = signInManager;
                    _securityLog = securityLog;
                }

                public async Task<IActionResult> OnPostAsync(string userName, string password)
                {
                    var result = await _signInManager.PasswordSignInAsync(userName, password, false, lockoutOnFailure: true);
                    await _securityLog.SaveAsync(new IdentitySecurityLogContext { Identity = "Identity", Action = result.ToString(), UserName = userName });
                    return result.Succeeded ? Redirect("~/") : Page();
                }

                public async Task<IActionResult> OnPostLogoutAsync()
                {
                    await _signInManager.SignOutAsync();
                    return Redirect("~/");
                }
            }
            """);

        var (_, findings, _) = CliRunner.ScanJson(folder.Root, "--rules", "SL2001,SL2002");

        Assert.Equal([("SL2001", "LoginModel.cs", 27, 15, "warning")], findings);
    }
}
