using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotBuildLogMessagesFromRequestDataAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules;

/// <summary>SL3001: request text built into a log message; numbers, Guids, enums, dates and templated values are not.</summary>
public class DoNotBuildLogMessagesFromRequestDataAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.Extensions.Logging;

        """;

    [Fact]
    public async Task QueryValue_Interpolated_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public class SearchController : ControllerBase
            {
                private readonly ILogger<SearchController> _logger;
                public SearchController(ILogger<SearchController> logger) => _logger = logger;

                public IActionResult Search()
                {
                    _logger.LogInformation($"Search for {{|#0:Request.Query["q"]|}}");
                    return Ok();
                }
            }
            """,
            Verify.Diagnostic("SL3001").WithLocation(0).WithArguments("Request.Query[\"q\"]", "comes from the request query string"));
    }

    [Fact]
    public async Task QueryValue_Concatenated_ThroughALocalAndToString_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public class SearchController : ControllerBase
            {
                private readonly ILogger<SearchController> _logger;
                public SearchController(ILogger<SearchController> logger) => _logger = logger;

                public IActionResult Search()
                {
                    var term = Request.Query["q"].ToString().Trim();
                    _logger.LogWarning("Search for " + {|SL3001:term|} + " failed");
                    return Ok();
                }
            }
            """);
    }

    [Fact]
    public async Task HeaderAndCookieAndPath_AreReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public class Audit
            {
                public void Record(ILogger logger, HttpContext context)
                {
                    logger.LogInformation($"Agent {{|SL3001:context.Request.Headers.UserAgent|}} from {{|SL3001:context.Request.Headers["X-Forwarded-For"]|}}");
                    logger.LogInformation("Theme " + {|SL3001:context.Request.Cookies["theme"]|});
                    logger.LogInformation($"Path {{|SL3001:context.Request.Path|}}");
                    Serilog.Log.Information($"Form {{|SL3001:context.Request.Form["comment"]|}}");
                }
            }
            """);
    }

    [Fact]
    public async Task RequestBody_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public class Hooks
            {
                public async Task Receive(ILogger logger, HttpRequest request)
                {
                    using var reader = new StreamReader(request.Body);
                    var body = await reader.ReadToEndAsync();
                    logger.LogInformation($"Webhook payload {{|SL3001:body|}}");
                }
            }
            """);
    }

    [Fact]
    public async Task ModelBoundStringParameters_OfActionsPagesAndMinimalApis_AreReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public class LoginModel { public string UserName { get; set; } = ""; public int Attempts { get; set; } }

            [ApiController]
            public class AccountController : ControllerBase
            {
                private readonly ILogger<AccountController> _logger;
                public AccountController(ILogger<AccountController> logger) => _logger = logger;

                public IActionResult Login([FromBody] LoginModel model, string returnUrl)
                {
                    _logger.LogInformation($"Login {{|SL3001:model.UserName|}} after {model.Attempts} attempts, back to {{|SL3001:returnUrl|}}");
                    return Ok();
                }
            }

            public class ProfilePage : PageModel
            {
                private readonly ILogger<ProfilePage> _logger;
                public ProfilePage(ILogger<ProfilePage> logger) => _logger = logger;

                [BindProperty]
                public string Nickname { get; set; } = "";

                public void OnPost(string bio)
                {
                    _logger.LogInformation("Bio " + {|SL3001:bio|} + " for " + {|SL3001:Nickname|});
                }
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app, ILogger logger)
                {
                    app.MapGet("/hello/{name}", (string name) =>
                    {
                        logger.LogInformation($"Hello {{|SL3001:name|}}");
                        return "hi";
                    });
                }
            }
            """);
    }

    [Fact]
    public async Task NumbersGuidsEnumsDatesAndBools_CannotForgeALine()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public enum Sort { Name, Date }

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;
                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Get(int id, Guid tenant, Sort sort, DateTime since, bool archived, decimal? limit)
                {
                    _logger.LogInformation($"Order {id} of {tenant} by {sort} since {since} archived {archived} limit {limit}");
                    _logger.LogInformation("Page " + int.Parse(Request.Query["page"]!) + " size " + Request.Query.Count);
                    return Ok();
                }
            }
            """);
    }

    [Fact]
    public async Task TemplatedValues_Constants_AndNonRequestStrings_AreNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public class SearchController : ControllerBase
            {
                private const string Area = "search";
                private readonly ILogger<SearchController> _logger;
                public SearchController(ILogger<SearchController> logger) => _logger = logger;

                public IActionResult Search(string q)
                {
                    _logger.LogInformation("Search for {Query} from {Agent}", q, Request.Headers.UserAgent);
                    _logger.LogInformation($"Area {Area}");
                    var server = Environment.MachineName;
                    _logger.LogInformation($"Served by {server}");
                    _logger.LogInformation("Clean " + q.Replace("\r", "").Replace("\n", ""));
                    return Ok();
                }

                [NonAction]
                public void Helper(string text) => _logger.LogInformation($"Helper {text}");
            }

            public class Service
            {
                public void Run(ILogger logger, string input) => logger.LogInformation($"Input {input}");
            }
            """);
    }

    [Fact]
    public async Task ServicesAndFrameworkParameters_AreNotModelBound()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public interface IClock { string Zone { get; } }

            public class TimeController : ControllerBase
            {
                private readonly ILogger<TimeController> _logger;
                public TimeController(ILogger<TimeController> logger) => _logger = logger;

                public IActionResult Now([FromServices] IClock clock, [FromServices] string region)
                {
                    _logger.LogInformation($"Zone {clock.Zone} in {region} for {HttpContext.TraceIdentifier}");
                    return Ok();
                }
            }
            """);
    }

    [Fact]
    public async Task SecurityEvents_AreNotJudgedForForging()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            using SecureLogging;

            public class AccountController : ControllerBase
            {
                private readonly ILogger<AccountController> _logger;
                public AccountController(ILogger<AccountController> logger) => _logger = logger;

                public IActionResult Login(string userName)
                {
                    _logger.LogLoginFailed($"{userName}", "bad password");
                    return Ok();
                }
            }
            """);
    }

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            public class SearchController : ControllerBase
            {
                private readonly ILogger<SearchController> _logger;
                public SearchController(ILogger<SearchController> logger) => _logger = logger;

                public IActionResult Search(string q)
                {
                    _logger.LogInformation($"Search {{|CS0103:missing|}} {{|SL3001:q|}}");
                    _logger.LogInformation("x" + Request.Query[{|CS0443:]|}{|CS1026:|}{|CS1002:|}
                    return Ok();
                }
            }
            """);
    }
}
