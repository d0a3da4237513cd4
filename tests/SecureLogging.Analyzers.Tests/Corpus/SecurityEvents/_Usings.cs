global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Security.Claims;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.AspNetCore.Authentication;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Identity;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.Extensions.Logging;
global using SecureLogging;
global using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

// Corpus of realistic handlers for SL2001–SL2005. A line whose diagnostic is expected ends with
// "// expect: SLxxxx" (several ids comma separated); every other line must stay quiet. Written before tuning.
namespace Corpus
{
    public class AppUser : IdentityUser
    {
        public string DisplayName { get; set; } = "";
    }

    public class LoginInput
    {
        public string Email { get; set; } = "";
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
        public bool RememberMe { get; set; }
    }
}
