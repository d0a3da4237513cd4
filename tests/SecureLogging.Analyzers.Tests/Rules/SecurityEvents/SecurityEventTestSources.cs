using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Rules;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

/// <summary>Shared pieces of test sources for SL2001–SL2005.</summary>
internal static class SecurityEventTestSources
{
    /// <summary>A fresh instance of each of the five security-event rules, for corpus and robustness runs.</summary>
    public static DiagnosticAnalyzer[] AllRules() =>
    [
        new AuthenticationWithoutEventAnalyzer(),
        new AuthenticationOutcomePartiallyLoggedAnalyzer(),
        new AuthorizationDenialWithoutEventAnalyzer(),
        new AccountChangeWithoutEventAnalyzer(),
        new SensitiveOperationWithoutEventAnalyzer(),
    ];

    /// <summary>The usings every Identity-shaped test source starts with.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.Extensions.Logging;
        using SecureLogging;
        using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

        """;
}
