using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Internal.Requests;

/// <summary>
/// The ASP.NET Core types through which request data enters an application, resolved once per compilation.
/// <see cref="IsAvailable"/> is false for a compilation without ASP.NET Core: nothing there can be request data.
/// </summary>
internal sealed class RequestSymbols
{
    public RequestSymbols(Compilation compilation)
    {
        HttpRequest = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Http.HttpRequest");
        QueryCollection = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Http.IQueryCollection");
        FormCollection = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Http.IFormCollection");
        HeaderDictionary = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Http.IHeaderDictionary");
        RequestCookies = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Http.IRequestCookieCollection");
        FormFile = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Http.IFormFile");
        PathString = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Http.PathString");
        QueryString = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Http.QueryString");
        HostString = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Http.HostString");
        StringValues = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Primitives.StringValues");
        RouteValueDictionary = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Routing.RouteValueDictionary");
        StreamReader = compilation.GetBestTypeByMetadataName("System.IO.StreamReader");
        TextReader = compilation.GetBestTypeByMetadataName("System.IO.TextReader");
        ControllerBase = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
        ControllerAttribute = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonActionAttribute = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        PageModel = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        BindPropertyAttribute = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.BindPropertyAttribute");
        BindPropertiesAttribute = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.BindPropertiesAttribute");
        FromServicesAttribute = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.FromServicesAttribute");
        FromKeyedServicesAttribute = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute");
        BindingSourceMetadata = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Mvc.ModelBinding.IBindingSourceMetadata");
        EndpointRouteBuilderExtensions = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        RouteGroupBuilder = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Routing.RouteGroupBuilder");
    }

    public bool IsAvailable => HttpRequest is not null || ControllerBase is not null || EndpointRouteBuilderExtensions is not null;

    public INamedTypeSymbol? HttpRequest { get; }

    public INamedTypeSymbol? QueryCollection { get; }

    public INamedTypeSymbol? FormCollection { get; }

    public INamedTypeSymbol? HeaderDictionary { get; }

    public INamedTypeSymbol? RequestCookies { get; }

    public INamedTypeSymbol? FormFile { get; }

    public INamedTypeSymbol? PathString { get; }

    public INamedTypeSymbol? QueryString { get; }

    public INamedTypeSymbol? HostString { get; }

    public INamedTypeSymbol? StringValues { get; }

    public INamedTypeSymbol? RouteValueDictionary { get; }

    public INamedTypeSymbol? StreamReader { get; }

    public INamedTypeSymbol? TextReader { get; }

    public INamedTypeSymbol? ControllerBase { get; }

    public INamedTypeSymbol? ControllerAttribute { get; }

    public INamedTypeSymbol? NonActionAttribute { get; }

    public INamedTypeSymbol? PageModel { get; }

    public INamedTypeSymbol? BindPropertyAttribute { get; }

    public INamedTypeSymbol? BindPropertiesAttribute { get; }

    public INamedTypeSymbol? FromServicesAttribute { get; }

    public INamedTypeSymbol? FromKeyedServicesAttribute { get; }

    /// <summary>Implemented by [FromQuery], [FromRoute], [FromForm], [FromHeader], [FromBody]: the parameter is bound from the request.</summary>
    public INamedTypeSymbol? BindingSourceMetadata { get; }

    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }

    public INamedTypeSymbol? RouteGroupBuilder { get; }
}
