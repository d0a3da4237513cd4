using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureLogging.Analyzers.Internal.SecurityEvents;

namespace SecureLogging.Cli.Scanning;

/// <summary>
/// The audit sinks the analyzers count as security events (Duende/IdentityServer4 <c>IEventService.RaiseAsync</c>, ABP's
/// security log managers) are recognised by metadata name, but their libraries are not bundled: in a loose compilation
/// every <c>_events.RaiseAsync(new UserLoginSuccessEvent(...))</c> would fail to bind and the login it records would be
/// reported as unaudited. When a file imports one of these libraries and nothing defines the sink, a small reference
/// assembly declaring just the sink's interface is added, so the call binds to the real metadata name. The event classes
/// stay unresolved; they are not needed to recognise the call.
/// </summary>
internal static class AuditSinkShims
{
    private sealed record Shim(string ImportedNamespace, string SinkMetadataName, string Source);

    /// <summary>
    /// The library's own event classes, with a constructor that takes any positional arguments: an argument of an
    /// unresolved type would leave <c>RaiseAsync(new UserLoginSuccessEvent(...))</c> unbound, while a known type whose
    /// constructor does not match still converts to <c>Event</c> and lets the call bind.
    /// </summary>
    private static readonly string[] IdentityServerEvents =
    [
        "ApiAuthenticationFailureEvent",
        "ApiAuthenticationSuccessEvent",
        "BackchannelAuthenticationFailureEvent",
        "BackchannelAuthenticationSuccessEvent",
        "ClientAuthenticationFailureEvent",
        "ClientAuthenticationSuccessEvent",
        "ConsentDeniedEvent",
        "ConsentGrantedEvent",
        "DeviceAuthorizationFailureEvent",
        "DeviceAuthorizationSuccessEvent",
        "GrantsRevokedEvent",
        "InvalidClientConfigurationEvent",
        "TokenIntrospectionFailureEvent",
        "TokenIntrospectionSuccessEvent",
        "TokenIssuedFailureEvent",
        "TokenIssuedSuccessEvent",
        "TokenRevokedSuccessEvent",
        "UnhandledExceptionEvent",
        "UserLoginFailureEvent",
        "UserLoginSuccessEvent",
        "UserLogoutSuccessEvent",
    ];

    private static string IdentityServerShim(string root)
        => "namespace " + root + ".Events\n{\n    public abstract class Event { protected Event(params object[] args) { } }\n"
            + string.Concat(IdentityServerEvents.Select(e => "    public class " + e + " : Event { public " + e + "(params object[] args) { } }\n"))
            + "}\nnamespace " + root + ".Services\n{\n    public interface IEventService { System.Threading.Tasks.Task RaiseAsync(" + root + ".Events.Event evt); }\n}\n";

    private static readonly Shim[] Shims =
    [
        new("Duende.IdentityServer", SecurityEventSymbols.DuendeEventService, IdentityServerShim("Duende.IdentityServer")),
        new("IdentityServer4", SecurityEventSymbols.IdentityServer4EventService, IdentityServerShim("IdentityServer4")),
        new("Volo.Abp", SecurityEventSymbols.AbpIdentitySecurityLogManager, """
            namespace Volo.Abp.Identity
            {
                public class IdentitySecurityLogContext
                {
                    public string Identity { get; set; } = "";
                    public string Action { get; set; } = "";
                    public string UserName { get; set; } = "";
                    public string ClientId { get; set; } = "";
                }

                public class IdentitySecurityLogManager
                {
                    public virtual System.Threading.Tasks.Task SaveAsync(IdentitySecurityLogContext context) => System.Threading.Tasks.Task.CompletedTask;
                }
            }
            """),
    ];

    private static readonly Lazy<MetadataReference>[] References = Shims.Select(s => new Lazy<MetadataReference>(() => Emit(s))).ToArray();

    /// <summary>The shim references <paramref name="compilation"/> needs, none when its files import none of the libraries.</summary>
    public static IReadOnlyList<MetadataReference> For(CSharpCompilation compilation)
    {
        var imported = ImportedShims(compilation);
        List<MetadataReference>? needed = null;
        for (var i = 0; i < Shims.Length; i++)
        {
            if (imported[i] && compilation.GetTypeByMetadataName(Shims[i].SinkMetadataName) is null)
            {
                (needed ??= []).Add(References[i].Value);
            }
        }

        return needed ?? (IReadOnlyList<MetadataReference>)[];
    }

    /// <summary>Which shims' libraries some file imports, from one pass over the using directives of every file.</summary>
    private static bool[] ImportedShims(CSharpCompilation compilation)
    {
        var imported = new bool[Shims.Length];
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetCompilationUnitRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
            {
                if (node is not UsingDirectiveSyntax { Name: { } name })
                {
                    continue;
                }

                var text = name.ToString();
                for (var i = 0; i < Shims.Length; i++)
                {
                    imported[i] |= IsUnder(text, Shims[i].ImportedNamespace);
                }
            }
        }

        return imported;
    }

    private static bool IsUnder(string name, string rootNamespace)
        => name.StartsWith(rootNamespace, StringComparison.Ordinal)
            && (name.Length == rootNamespace.Length || name[rootNamespace.Length] == '.');

    private static MetadataReference Emit(Shim shim)
    {
        var tree = CSharpSyntaxTree.ParseText(shim.Source);
        var compilation = CSharpCompilation.Create(
            "securelog.shim." + shim.ImportedNamespace,
            [tree],
            BundledReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("the " + shim.ImportedNamespace + " audit-sink shim does not compile: " + string.Join("; ", result.Diagnostics));
        }

        if (compilation.GetTypeByMetadataName(shim.SinkMetadataName) is null)
        {
            throw new InvalidOperationException("the " + shim.ImportedNamespace + " audit-sink shim does not declare " + shim.SinkMetadataName);
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
