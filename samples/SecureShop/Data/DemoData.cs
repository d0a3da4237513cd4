using Microsoft.AspNetCore.Identity;
using SecureLogging;

namespace SecureShop.Data;

/// <summary>Demo accounts for the sample: a customer and an administrator, with passwords from configuration.</summary>
public static class DemoData
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var password = configuration["SecureShop:DemoPassword"] ?? "Demo-Passw0rd!";
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("SecureShop.DemoData");

        foreach (var role in new[] { "Admin", "Support" })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
                logger.LogConfigurationChanged("system", "role:" + role);
            }
        }

        await EnsureUserAsync(users, logger, "alice@example.com", password, role: null);
        await EnsureUserAsync(users, logger, "admin@example.com", password, role: "Admin");
    }

    private static async Task EnsureUserAsync(UserManager<IdentityUser> users, ILogger logger, string email, string password, string? role)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        logger.LogAccountCreated("system", user.Id);

        if (role is not null)
        {
            await users.AddToRoleAsync(user, role);
            logger.LogRoleGranted("system", user.Id, role);
        }
    }
}
