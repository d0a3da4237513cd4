using SecureLogging.Analyzers.CodeFixes.Rules;
using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SecureLogging.Analyzers.Rules.DoNotBuildLogMessagesFromRequestDataAnalyzer,
    SecureLogging.Analyzers.CodeFixes.Rules.UseTemplateForRequestDataCodeFixProvider>;

namespace SecureLogging.Analyzers.Tests.Fixes;

/// <summary>SL3001 fix: the built message becomes a template with named placeholders; the other text stays.</summary>
public class UseTemplateForRequestDataCodeFixTests
{
    private const string Usings = """
        using System;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        """;

    [Fact]
    public async Task Interpolation_BecomesATemplate_WithNamesFromTheExpressions()
    {
        const string source = Usings + """
            public class SearchController : ControllerBase
            {
                private readonly ILogger<SearchController> _logger;
                public SearchController(ILogger<SearchController> logger) => _logger = logger;

                public IActionResult Search(int page)
                {
                    _logger.LogInformation($"Search {{|SL3001:Request.Query["user-name"]|}} asked for \"{{|SL3001:Request.Query["q"]|}}\" on page {page:D3} {{braces}}");
                    return Ok();
                }
            }
            """;
        const string fixedSource = Usings + """
            public class SearchController : ControllerBase
            {
                private readonly ILogger<SearchController> _logger;
                public SearchController(ILogger<SearchController> logger) => _logger = logger;

                public IActionResult Search(int page)
                {
                    _logger.LogInformation("Search {UserName} asked for \"{Q}\" on page {Page:D3} {{braces}}", Request.Query["user-name"], Request.Query["q"], page);
                    return Ok();
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseTemplateForRequestDataCodeFixProvider.EquivalenceKey);
    }

    [Fact]
    public async Task Concatenation_BecomesATemplate_AndFixAllConvertsEveryMessage()
    {
        const string source = Usings + """
            public class AccountController : ControllerBase
            {
                private readonly ILogger<AccountController> _logger;
                public AccountController(ILogger<AccountController> logger) => _logger = logger;

                public IActionResult Login(string userName, string returnUrl)
                {
                    _logger.LogWarning("Login failed for " + {|SL3001:userName|} + " (" + userName.Length + " chars)");
                    Serilog.Log.Information("Redirect to " + {|SL3001:returnUrl|});
                    return Ok();
                }
            }
            """;
        const string fixedSource = Usings + """
            public class AccountController : ControllerBase
            {
                private readonly ILogger<AccountController> _logger;
                public AccountController(ILogger<AccountController> logger) => _logger = logger;

                public IActionResult Login(string userName, string returnUrl)
                {
                    _logger.LogWarning("Login failed for {UserName} ({Length} chars)", userName, userName.Length);
                    Serilog.Log.Information("Redirect to {ReturnUrl}", returnUrl);
                    return Ok();
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseTemplateForRequestDataCodeFixProvider.EquivalenceKey);
    }

    [Fact]
    public async Task ConsoleOutput_IsReportedButHasNoTemplateToMoveTo()
    {
        const string source = Usings + """
            public class SearchController : ControllerBase
            {
                public IActionResult Search(string q)
                {
                    Console.WriteLine($"Search {{|SL3001:q|}}");
                    return Ok();
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source, UseTemplateForRequestDataCodeFixProvider.EquivalenceKey);
    }
}
