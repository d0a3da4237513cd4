using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogPersonalDataAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules;

public class SL1003PersonalDataTests
{
    [Fact]
    public async Task PersonalDataIsReported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public class Customer
            {
                public int Id { get; set; }
                public string Email { get; set; } = "";
                public string PhoneNumber { get; set; } = "";
                public string FirstName { get; set; } = "";
                public string LastName { get; set; } = "";
                public DateTime DateOfBirth { get; set; }
                public string NationalId { get; set; } = "";
                public string ShippingAddress { get; set; } = "";
                public string Address { get; set; } = "";
                public string IpAddress { get; set; } = "";
                public string UserName { get; set; } = "";
                public bool EmailConfirmed { get; set; }
                public string Ssn { get; set; } = "";
            }

            public class C
            {
                public void M(ILogger logger, Customer customer)
                {
                    logger.LogInformation("Customer {Id} {Email}", customer.Id, {|SL1003:customer.Email|});
                    logger.LogInformation($"Call {{|SL1003:customer.PhoneNumber|}}");
                    logger.LogInformation("{First} {Last}", {|SL1003:customer.FirstName|}, {|SL1003:customer.LastName|});
                    logger.LogInformation("{Dob}", {|SL1003:customer.DateOfBirth|});
                    logger.LogInformation("{A} {B} {C}", {|SL1003:customer.NationalId|}, {|SL1003:customer.ShippingAddress|}, {|SL1003:customer.Ssn|});
                    logger.LogInformation("{A} {B} {C} {D}", customer.Address, customer.IpAddress, customer.UserName, customer.EmailConfirmed);
                }
            }
            """);
    }

    /// <summary>
    /// A collection is judged by its element type, like an array (found in bitwarden/server: a <c>List&lt;Guid&gt;</c>
    /// named <c>grantorIdsWithNullEmail</c>): ids are not emails, while a list of strings named <c>emails</c> is.
    /// </summary>
    [Fact]
    public async Task CollectionsAreJudgedByTheirElementType()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, List<Guid> grantorIdsWithNullEmail, IReadOnlyCollection<int> idsWithoutPhone, IEnumerable<DateTime> birthDates, List<string> emails, HashSet<string> phoneNumbers)
                {
                    logger.LogWarning("Skipped {Count} grantors. GrantorIds: {GrantorIds}", grantorIdsWithNullEmail.Count, grantorIdsWithNullEmail);
                    logger.LogWarning("Ids {Ids}", idsWithoutPhone);
                    logger.LogInformation("Invited {Emails}", {|SL1003:emails|});
                    logger.LogInformation("Numbers {Numbers}", {|SL1003:phoneNumbers|});
                    logger.LogInformation("Dates {Dates}", {|SL1003:birthDates|});
                    var addresses = emails.Where(e => e.Contains('@')).ToList();
                    logger.LogInformation("Valid {Count}", addresses.Count);
                }
            }
            """);
    }

    /// <summary>
    /// Names of code and files are not names of people: <c>Type.FullName</c>, <c>Assembly.FullName</c>,
    /// <c>FileInfo.FullName</c> (found as false positives in real apps), also through a local and under a
    /// <c>{FullName}</c> placeholder. A person type's <c>FullName</c> and an identity claim stay reported.
    /// </summary>
    [Fact]
    public async Task FullNameOfPlatformTypesIsNotPersonalData()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Reflection;
            using Microsoft.Extensions.Logging;

            public class Customer
            {
                public string FullName { get; set; } = "";
            }

            public class C
            {
                public void M(ILogger logger, Type type, Assembly assembly, FileInfo info, string path, Customer customer, Exception ex)
                {
                    logger.LogError("DI loop creating {Type}", type.FullName);
                    logger.LogError(ex, "Error loading types from {Assembly}", assembly.FullName);
                    logger.LogError(ex, "Error reading {FullName}", info.FullName);
                    var parent = Directory.GetParent(path)!.FullName;
                    logger.LogInformation("Deleting empty folder {Folder}", parent);
                    logger.LogInformation("Name {Name}", assembly.GetName().FullName);
                    logger.LogInformation("Welcome {Customer}", {|SL1003:customer.FullName|});
                    logger.LogInformation("Welcome {FullName}", {|SL1003:customer.FullName.Trim()|});
                }
            }
            """);
    }

    [Fact]
    public async Task IdentityPersonalDataAndComplianceClassification()
    {
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Compliance.Classification;
            using Microsoft.Extensions.Logging;

            public sealed class PiiAttribute : DataClassificationAttribute
            {
                public PiiAttribute() : base(new DataClassification("Demo", "Pii")) { }
            }

            public class Profile
            {
                [PersonalData] public string Nickname { get; set; } = "";
                [ProtectedPersonalData] public string Pronouns { get; set; } = "";
                [Pii] public string Employer { get; set; } = "";
                public string Theme { get; set; } = "";
            }

            public class C
            {
                public void M(ILogger logger, Profile profile)
                {
                    logger.LogInformation("{A}", {|SL1003:profile.Nickname|});
                    logger.LogInformation("{A}", {|SL1003:profile.Pronouns|});
                    logger.LogInformation("{A}", {|SL1003:profile.Employer|});
                    logger.LogInformation("{A}", profile.Theme);
                }
            }
            """);
    }

    [Fact]
    public async Task ObjectsWithOnlyPersonalMembersAreReportedAtTheObject()
    {
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            public record Contact(int Id, string Email);
            public class Person { public int Id { get; set; } public string FullName { get; set; } = ""; }

            public class C
            {
                public void M(ILogger logger, Contact contact, Person person)
                {
                    logger.LogInformation("Contact {Contact}", {|SL1003:contact|});
                    logger.LogInformation("Person {@Person}", {|SL1003:person|});
                    logger.LogInformation("Person {Person}", person);
                }
            }
            """);
    }

    [Fact]
    public async Task SecurityEventsAreNeverJudgedForPersonalData()
    {
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, string email)
                {
                    SecureLogging.SecurityLog.LogLoginFailed(logger, email, "bad password");
                    SecureLogging.SecurityLog.LogSecurityEvent(logger, new SecureLogging.SecurityEvent("account.updated") { UserName = email });
                    logger.LogWarning("Login failed for {Email}", {|SL1003:email|});
                }
            }
            """);
    }
}
