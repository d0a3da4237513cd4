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
global using Microsoft.AspNetCore.Routing;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using SecureLogging;
global using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

// Second handler corpus for SL2001–SL2005: shapes the first corpus (Corpus/SecurityEvents) never wrote, taken from the
// .NET 8 templates (Blazor Identity endpoints and pages, MapIdentityApi, Identity UI manage pages), the ASP.NET Core docs
// (resource-based authorization, API-key handlers, JWT/OIDC events) and common app code. A line whose diagnostic is
// expected ends with "// expect: SLxxxx"; every other line must stay quiet. Expectations were written from SPEC §3/§6
// read literally, before the analyzers were run over this folder. corpus.editorconfig applies to every file.
namespace Shapes
{
    public class ApplicationUser : IdentityUser
    {
        public string? TenantId { get; set; }
    }

    public sealed class ApiKeyOptions : AuthenticationSchemeOptions
    {
        public string HeaderName { get; set; } = "X-Api-Key";
    }

    public sealed record ApiKeyRecord(string Id, string OwnerId, string Hash);

    public interface IApiKeyStore
    {
        Task<ApiKeyRecord?> FindAsync(string presentedKey, CancellationToken cancellationToken);
        Task<ApiKeyRecord> CreateAsync(string ownerId, CancellationToken cancellationToken);
        Task RevokeAsync(string keyId, CancellationToken cancellationToken);
    }

    public sealed class Document
    {
        public int Id { get; set; }
        public string OwnerId { get; set; } = "";
        public string Title { get; set; } = "";
    }

    public interface IDocumentRepository
    {
        Task<Document?> FindAsync(int id);
        Task DeleteManyAsync(IEnumerable<int> ids);
        IQueryable<Document> Query();
    }
}
