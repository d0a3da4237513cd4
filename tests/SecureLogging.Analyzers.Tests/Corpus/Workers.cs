using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureLogging;
using Serilog.Context;
using Shop.Models;

namespace Shop.Workers;

public sealed record QueueMessage(string MessageId, string Kind, string Body, int DeliveryCount, IDictionary<string, string> Headers);

public sealed class PayrollWorker : BackgroundService
{
    private static readonly NLog.Logger Logger = NLog.LogManager.GetLogger("Payroll");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Logger.Info("Payroll worker started");
        var employees = new List<Employee>();
        foreach (var employee in employees)
        {
            Logger.Info("Paying {EmployeeId} in {Department}", employee.Id, employee.Department);
            Logger.Info("Paying {First} {Last}", employee.FirstName, employee.LastName); // expect: SL1003, SL1003
            Logger.Debug("Paying {@Employee}", employee); // expect: SL1004
            Logger.Debug("Paying to {Iban}", employee.Bank.Iban); // expect: SL1002
            Logger.Debug("Paying via {Bank} ({Bic})", employee.Bank.BankName, employee.Bank.Bic);
            Logger.Debug("Tax id {TaxId}, national id {NationalId}", employee.TaxId, employee.NationalId); // expect: SL1003, SL1003
            Logger.Trace("Passport {Passport}, licence {Licence}", employee.PassportNumber, employee.DriverLicense); // expect: SL1003, SL1003
            Logger.Log(NLog.LogLevel.Info, "Paid {EmployeeId}", employee.Id);
            Logger.Log(NLog.LogLevel.Debug, "Paid to account {Account}", employee.Bank.Iban); // expect: SL1002
            Logger.ConditionalDebug("Bank {@Bank}", employee.Bank); // expect: SL1004
        }

        Logger.Info("Payroll worker sleeping, cancellation {CancellationToken}", stoppingToken);
        await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
    }
}

public sealed class PatientExportJob
{
    private static readonly NLog.ILogger Logger = NLog.LogManager.GetCurrentClassLogger();

    public void Export(IReadOnlyList<Patient> patients, string exportPath)
    {
        Logger.Info("Exporting {Count} patients to {Path}", patients.Count, exportPath);
        foreach (var patient in patients)
        {
            Logger.Debug("Exporting patient {PatientId} in {Ward}", patient.Id, patient.Ward);
            Logger.Debug("Exporting MRN {Mrn}", patient.MedicalRecordNumber); // expect: SL1003
            Logger.Debug("Exporting SSN {0}", patient.Ssn); // expect: SL1003
            Logger.Debug("Exporting born {Born}", patient.DateOfBirth); // expect: SL1003
            Logger.Debug("Exporting insurer {Insurer}", patient.InsuranceProvider);
            Logger.Debug("Exporting {@Patient}", patient); // expect: SL1003
            Logger.Warn("Patient {PatientId} export skipped: {Reason}", patient.Id, "consent missing");
        }

        Logger.Error(new InvalidOperationException("disk"), "Export to {Path} failed", exportPath);
    }
}

public sealed class InboxConsumer
{
    private static readonly log4net.ILog Log = log4net.LogManager.GetLogger(typeof(InboxConsumer));

    public void Handle(QueueMessage message, DeviceRegistration device, NotificationPreferences preferences)
    {
        Log.InfoFormat("Handling {0} of kind {1}, delivery {2}", message.MessageId, message.Kind, message.DeliveryCount);
        Log.Debug("Message body " + message.Body);
        Log.DebugFormat("Message {0}", message);
        Log.DebugFormat("Message header keys {0}", string.Join(",", message.Headers.Keys));
        Log.DebugFormat("Message authorization {0}", message.Headers["Authorization"]); // expect: SL1001
        Log.DebugFormat("Message correlation {0}", message.Headers["CorrelationId"]);
        if (message.Headers.TryGetValue("X-Api-Key", out var providedKey))
        {
            Log.Warn("Message carried key " + providedKey); // expect: SL1001
        }

        Log.InfoFormat("Registering device {0} on {1} {2}", device.DeviceId, device.Platform, device.AppVersion);
        Log.DebugFormat("Device push token {0}", device.PushToken); // expect: SL1001
        Log.Debug(device.PushToken); // expect: SL1001
        Log.InfoFormat("Preferences for {0}: email {1}, sms {2}", preferences.UserId, preferences.EmailEnabled, preferences.SmsEnabled);
        Log.InfoFormat("SMS goes to {0}", preferences.MobileNumber); // expect: SL1003
        Log.Error("Device registration failed for " + device.DeviceId, new InvalidOperationException("gone"));
        Log.Error($"Device registration failed, token {device.PushToken}", new InvalidOperationException("gone")); // expect: SL1001
        Log.Logger.Log(typeof(InboxConsumer), log4net.Core.Level.Debug, "Raw push token " + device.PushToken, null); // expect: SL1001
        Log.Logger.Log(typeof(InboxConsumer), log4net.Core.Level.Info, $"Device {device.DeviceId} registered", null);
    }
}

public sealed class KeyRotationWorker
{
    public void Rotate(IConfiguration configuration, string masterKey, string keyName, int keySize, string encryptionKeyPath, byte[] privateKeyBytes)
    {
        Serilog.Log.Information("Rotating {KeyName} ({KeySize} bits) from {Path}", keyName, keySize, encryptionKeyPath);
        Serilog.Log.Debug("Master key {MasterKey}", masterKey); // expect: SL1001
        Serilog.Log.Debug("Private key {Bytes}", Convert.ToBase64String(privateKeyBytes)); // expect: SL1001
        Serilog.Log.Debug("Private key bytes {Count}", privateKeyBytes.Length);
        var signingKeyBase64 = configuration["Signing:CurrentKeyBase64"];
        Serilog.Log.Debug("Signing key {Value}", signingKeyBase64); // expect: SL1001
        var encryptionKey = configuration["Encryption:EncryptionKey"];
        Serilog.Log.Debug("Encryption key {Value}", encryptionKey); // expect: SL1001
        Serilog.Log.Logger.Information("Encryption key configured: {Configured}", encryptionKey is not null);
        using (LogContext.PushProperty("KeyName", keyName))
        using (LogContext.PushProperty("MasterKey", masterKey)) // expect: SL1001
        {
            Serilog.Log.Information("Rotation finished");
        }

        Serilog.Log.ForContext("SigningKey", Redact.Secret(masterKey)).Information("Rotation audited");
        Serilog.Log.Warning("Rotation of {KeyName} took {Elapsed}", keyName, TimeSpan.FromSeconds(3));
    }
}

public sealed class MaintenanceCli
{
    public int Run(string server, string adminUser, SecureString adminPassword, string otp, int pin, string pinHint, NetworkCredential credential)
    {
        Console.Write("Connecting to " + server + " as " + adminUser + "... ");
        Console.WriteLine("ok");
        Console.WriteLine("One-time password: {0}", otp); // expect: SL1001
        Console.WriteLine($"PIN {pin}"); // expect: SL1001
        Console.WriteLine($"PIN hint {pinHint}");
        Console.Out.Write("Password: ");
        Console.Out.WriteLine(adminPassword); // expect: SL1001
        Console.Error.Write($"Credential {credential.UserName}:{credential.Password}"); // expect: SL1001
        Console.Error.WriteLine($"Credential domain {credential.Domain}");
        Debug.WriteLine($"Debug pin {pin}", "Maintenance"); // expect: SL1001
        Debug.WriteLineIf(pin == 0, "Pin is zero");
        Debug.Write("Server " + server);
        Trace.WriteLineIf(otp.Length != 6, "OTP " + otp + " has the wrong length"); // expect: SL1001
        Trace.TraceError("Maintenance failed for {0} with {1}", adminUser, otp); // expect: SL1001
        Trace.TraceInformation("Maintenance done on {0}", server);
        Trace.Write(credential); // expect: SL1001
        return 0;
    }
}

public interface IAppLogger
{
    void Info(string message, params object?[] args);

    void Error(Exception exception, string message, params object?[] args);
}

public sealed class AppLogger : IAppLogger
{
    private readonly ILogger<AppLogger> _logger;

    public AppLogger(ILogger<AppLogger> logger) => _logger = logger;

    public void Info(string message, params object?[] args) => _logger.LogInformation(message, args);

    public void Error(Exception exception, string message, params object?[] args) => _logger.LogError(exception, message, args);
}

public static class LoggerExtensions
{
    public static void Trace(this ILogger logger, string message, params object?[] args)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            logger.LogTrace(message, args);
        }
    }

    public static void Dump(this ILogger logger, string label, object? value) => logger.LogDebug("{Label}: {@Value}", label, value);

    public static void Line(string text) => Console.WriteLine(DateTime.UtcNow.ToString("O") + " " + text);
}

public sealed class NotificationSender
{
    private readonly AppLogger _log;
    private readonly ILogger<NotificationSender> _logger;

    public NotificationSender(AppLogger log, ILogger<NotificationSender> logger)
    {
        _log = log;
        _logger = logger;
    }

    public void Send(NotificationPreferences preferences, ContactInfo contact, DeviceRegistration device, ProfileDto profile, string smsText)
    {
        _log.Info("Sending to {UserId}", preferences.UserId);
        _log.Info("Sending to {Email}", contact.Email); // expect: SL1003
        _log.Info("Sending to {0}", contact.Telephone); // expect: SL1003
        _log.Info("Sending push with {Token}", device.PushToken); // expect: SL1001
        _log.Info("Sending in {Language}", preferences.Language);
        _log.Error(new InvalidOperationException("smtp"), "Sending to {Email} failed", contact.Email); // expect: SL1003
        _logger.Trace("Sending {Text} to {City}", smsText, contact.City);
        _logger.Trace("Sending to {Mobile}", preferences.MobileNumber); // expect: SL1003
        _logger.Dump("device", device); // expect: SL1004
        _logger.Dump("preferences", preferences); // expect: SL1003
        _logger.Dump("language", preferences.Language);
        _logger.LogInformation("Profile {@Profile}", profile); // expect: SL1003
        _logger.LogInformation("Profile {Profile}", profile);
        _logger.LogInformation("Profile {DisplayName}", profile.DisplayName);
        LoggerExtensions.Line("Sent push to " + device.DeviceId);
        LoggerExtensions.Line("Sent push with " + device.PushToken); // expect: SL1001
    }
}
