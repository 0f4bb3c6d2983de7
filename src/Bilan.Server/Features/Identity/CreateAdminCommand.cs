using Bilan.Domain.Errors;
using Bilan.Domain.Identity;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Npgsql;

namespace Bilan.Server.Features.Identity;

/// <summary>
/// <c>dotnet Bilan.Server.dll create-admin --email a@b.fr --name "Jeanne Admin"</c>: creates the first administrator
/// of an installation (the API creates the others), reading the password as one line from standard input, so that
/// it shows neither in the process list nor in the shell history:
/// <c>printf '%s\n' "$PASSWORD" | dotnet Bilan.Server.dll create-admin ...</c>. Brings the schema up to date first.
/// Exit codes: 0 created, 2 bad input (usage, invalid field, weak password, e-mail already taken).
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    private const int BadInput = 2;

    private const string Usage =
        "Usage: Bilan.Server create-admin --email <address> --name <display name>   (the password is read as one line from standard input)";

    /// <summary>Runs the command when <paramref name="args"/> asks for it; null when they do not (start the server then).</summary>
    public static async Task<int?> TryRunAsync(
        string[] args, IServiceProvider services, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return null;
        }

        if (!TryParseOptions(args.AsSpan(1), out var email, out var displayName, out var problem))
        {
            await error.WriteLineAsync($"{problem}\n{Usage}");
            return BadInput;
        }

        if (ReferenceEquals(input, Console.In) && !Console.IsInputRedirected)
        {
            await error.WriteLineAsync("Password for the new administrator (one line):");
        }

        var password = await input.ReadLineAsync(cancellationToken);
        var policy = services.GetService<IdentityPolicy>() ?? new IdentityPolicy();
        var checks = new FieldChecks();
        UserRules.CheckProfile(checks, email, displayName);
        UserRules.CheckPassword(checks, "password", password ?? "", policy);
        if (checks.Violations.Count > 0)
        {
            foreach (var violation in checks.Violations)
            {
                await error.WriteLineAsync($"{Option(violation.Field)}: {violation.Description}");
            }

            return BadInput;
        }

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var now = services.GetRequiredService<TimeProvider>().Now();
        var record = new UserRecord(Guid.CreateVersion7(now), email, displayName, StaffRole.Admin, null, Disabled: false, LockedUntil: null, Version: 1, now, now);
        await using (var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await UserWrites.InsertAsync(connection, transaction, record, Passwords.Hash(password!), cancellationToken);
            }
            catch (AlreadyExistsException)
            {
                await error.WriteLineAsync($"A user with the e-mail address {email} already exists (enabled or not): nothing was created.");
                return BadInput;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await output.WriteLineAsync($"Created admin {record.Name} {email}");
        return 0;
    }

    private static bool TryParseOptions(ReadOnlySpan<string> options, out string email, out string displayName, out string problem)
    {
        (email, displayName, problem) = ("", "", "");
        string? foundEmail = null, foundName = null;
        for (var i = 0; i < options.Length; i += 2)
        {
            if (i + 1 >= options.Length)
            {
                problem = $"The option {options[i]} needs a value.";
                return false;
            }

            switch (options[i])
            {
                case "--email" when foundEmail is null:
                    foundEmail = options[i + 1].Trim();
                    break;
                case "--name" when foundName is null:
                    foundName = options[i + 1].Trim();
                    break;
                default:
                    problem = $"Unknown or repeated option {options[i]}.";
                    return false;
            }
        }

        if (foundEmail is null || foundName is null)
        {
            problem = foundEmail is null ? "The option --email is required." : "The option --name is required.";
            return false;
        }

        (email, displayName) = (foundEmail, foundName);
        return true;
    }

    /// <summary>Where the user gave the value a violation is about.</summary>
    private static string Option(string field) => field switch
    {
        "email" => "--email",
        "display_name" => "--name",
        _ => "password (standard input)",
    };
}
