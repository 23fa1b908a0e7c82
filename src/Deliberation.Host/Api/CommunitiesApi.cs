using System.Text.RegularExpressions;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Roster;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Deliberation.Persistence;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace Deliberation.Host.Api;

/// <summary>Communities, their precincts and building groups, and their roster: import, export, people, emails.</summary>
public static partial class CommunitiesApi
{
    /// <summary>A request to create a community.</summary>
    /// <param name="Code">A short code: lower-case letters, digits and hyphens, e.g. <c>dalong</c>.</param>
    /// <param name="Name">The community's name, e.g. 大龙社区.</param>
    /// <param name="EscalationEmails">Where escalations go, comma-separated addresses.</param>
    public sealed record CreateCommunityRequest(string? Code, string? Name, string? EscalationEmails);

    /// <summary>Where the community's escalations go (e.g. the street office): comma-separated addresses; null or empty for none.</summary>
    public sealed record EscalationContactsRequest(string? EscalationEmails);

    /// <summary>The kinds of party the community adds to the built-in ones, by name (e.g. 共建单位); an empty list removes them.</summary>
    public sealed record PartyKindsRequest(List<string?>? Kinds);

    /// <summary>A kind of party: its code (the name, for a kind the community added), its Chinese name and whether the community added it.</summary>
    public sealed record PartyKindView(string Kind, string Name, bool Own);

    /// <summary>A request to create a precinct (网格).</summary>
    public sealed record CreatePrecinctRequest(string? Name);

    /// <summary>A request to create a building group (楼栋) in a precinct given by id or by name.</summary>
    public sealed record CreateBuildingGroupRequest(Guid? PrecinctId, string? PrecinctName, string? Name, string? Compound = null);

    /// <summary>A new email address for a person; null or empty removes it.</summary>
    public sealed record ChangeEmailRequest(string? Email);

    /// <summary>A person as lists show them: the phone masked (138****5678), the email in full.</summary>
    public sealed record PersonView(Guid Id, string Name, IReadOnlyList<string> Roles, Guid? BuildingGroupId, string? BuildingGroupName,
        Guid? HouseholdId, string? Unit, decimal? FloorArea, string? Email, string? Phone, bool IsHouseholdRepresentative);

    /// <summary>A page of people.</summary>
    public sealed record PeoplePage(IReadOnlyList<PersonView> Items, int Total, int Skip, int Take);

    /// <summary>What an import added.</summary>
    public sealed record ImportSummary(int HouseholdsAdded, int PeopleAdded);

    /// <summary>A problem of a refused roster, in the caller's language.</summary>
    /// <param name="Line">The CSV line or .xlsx row; null for the whole file.</param>
    /// <param name="Column">The Chinese header of the column at fault, or null.</param>
    /// <param name="Code">A stable code, e.g. <c>email-invalid</c>.</param>
    /// <param name="Message">Simplified Chinese, or English when Accept-Language starts with en.</param>
    public sealed record RosterProblemView(int? Line, string? Column, string Code, string Message);

    /// <summary>Maps the routes and returns their group, so that the host can put policies on it.</summary>
    public static RouteGroupBuilder MapCommunitiesApi(this IEndpointRouteBuilder app)
    {
        // Staff act in their own communities; building heads may read the roster (to answer for residents);
        // creating a community is for administrators.
        var api = app.MapGroup("/api/communities").WithTags("Communities").RequireAuthorization(Auth.AuthRoles.StaffPolicy).RequireCommunityScope();
        api.MapPost("/", CreateCommunityAsync).RequireAuthorization(Auth.AuthRoles.AdministratorPolicy).ScopedBy(Auth.ScopeKind.Administration).WithSummary("Creates a community (administrators).");
        api.MapGet("/", ListCommunitiesAsync).ScopedBy(Auth.ScopeKind.Filtered).WithSummary("Lists the communities the account may see.");
        api.MapGet("/{communityId:guid}", GetCommunityAsync).WithSummary("Gets a community.");
        api.MapPut("/{communityId:guid}/escalation-contacts", SetEscalationContactsAsync)
            .WithSummary("Sets the escalation contacts (e.g. the street office): comma-separated addresses, each checked; empty removes them. Staff accounts of the community are always told too.");
        api.MapGet("/{communityId:guid}/party-kinds", ListPartyKindsAsync).WithSummary("Lists the kinds of party a panel may have: the built-in ones and those the community added.");
        api.MapPut("/{communityId:guid}/party-kinds", SetPartyKindsAsync)
            .WithSummary("Sets the kinds of party the community adds (names such as 共建单位, at most 20, each 1–20 characters, none a built-in kind).");
        api.MapPost("/{communityId:guid}/precincts", CreatePrecinctAsync).WithSummary("Creates a precinct (网格).");
        api.MapGet("/{communityId:guid}/precincts", ListPrecinctsAsync).WithSummary("Lists the precincts.");
        api.MapPost("/{communityId:guid}/building-groups", CreateBuildingGroupAsync)
            .WithSummary("Creates a building group (楼栋) in a precinct given by precinctId or precinctName; rosters name building groups, so create them first.");
        api.MapGet("/{communityId:guid}/building-groups", ListBuildingGroupsAsync).WithSummary("Lists the building groups.");
        api.MapPost("/{communityId:guid}/roster/import", ImportRosterAsync).Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Imports a roster: a CSV (UTF-8 or GBK) or .xlsx file in the form field 'file'. All or nothing: any problem refuses the whole file, listing each with its line.");
        api.MapGet("/{communityId:guid}/roster/export", ExportRosterAsync).WithSummary("Downloads the roster as CSV (UTF-8 with BOM, Chinese headers, full phone numbers).");
        app.MapGet("/api/communities/{communityId:guid}/people", ListPeopleAsync).WithTags("Communities")
            .RequireAuthorization(Auth.AuthRoles.CommunityPolicy).RequireCommunityScope().WithSummary("Lists people with masked phones; filter by buildingGroupId, role (e.g. 楼长 or BuildingHead) and name (a part of it).");
        api.MapPut("/{communityId:guid}/people/{personId:guid}/email", ChangeEmailAsync).WithSummary("Changes (or with null, removes) a person's email.");
        return api;
    }

    /// <summary>Creates a community.</summary>
    public static async Task<Created<Community>> CreateCommunityAsync(CreateCommunityRequest request, CommunityStore communities, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, FieldError[]>();
        var code = request.Code?.Trim().ToLowerInvariant() ?? "";
        if (!CommunityCode().IsMatch(code)) errors["code"] = [ApiFields.CommunityCode.Error()];
        var name = Required(request.Name, "name", 200, errors);
        var escalation = EscalationEmails(request.EscalationEmails, errors);
        ThrowIfAny(errors);
        var community = await communities.CreateCommunityAsync(code, name, escalation, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.Conflict, "community-code-taken", $"The community code '{code}' is taken.");
        return TypedResults.Created($"/api/communities/{community.Id}", community);
    }

    /// <summary>Lists communities.</summary>
    public static async Task<Ok<IReadOnlyList<Community>>> ListCommunitiesAsync(CommunityStore communities, Auth.CommunityAccess access,
        System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await access.CommunitiesAsync(user, cancellationToken);
        IReadOnlyList<Community> visible = (await communities.ListCommunitiesAsync(cancellationToken)).Where(c => scope is null || scope.Contains(c.Id)).ToList();
        return TypedResults.Ok(visible);
    }

    /// <summary>Gets a community.</summary>
    public static async Task<Ok<Community>> GetCommunityAsync(Guid communityId, CommunityStore communities, CancellationToken cancellationToken) =>
        TypedResults.Ok(await RequireCommunityAsync(communities, communityId, cancellationToken));

    /// <summary>Sets the escalation contacts.</summary>
    public static async Task<Ok<Community>> SetEscalationContactsAsync(Guid communityId, EscalationContactsRequest request, CommunityStore communities,
        CancellationToken cancellationToken)
    {
        await RequireCommunityAsync(communities, communityId, cancellationToken);
        var errors = new Dictionary<string, FieldError[]>();
        var escalation = EscalationEmails(request.EscalationEmails, errors);
        ThrowIfAny(errors);
        return TypedResults.Ok(await communities.SetEscalationEmailsAsync(communityId, escalation, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {communityId}."));
    }

    /// <summary>Lists the kinds of party.</summary>
    public static async Task<Ok<List<PartyKindView>>> ListPartyKindsAsync(Guid communityId, CommunityStore communities, CancellationToken cancellationToken)
    {
        var community = await communities.GetCommunityAsync(communityId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {communityId}.");
        return TypedResults.Ok(PartyKinds.Parties.Select(k => new PartyKindView(k, PartyKinds.ChineseName(k), false))
            .Concat(community.PartyKinds.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(k => new PartyKindView(k, k, true))).ToList());
    }

    /// <summary>Sets the kinds of party the community adds.</summary>
    public static async Task<Ok<List<PartyKindView>>> SetPartyKindsAsync(Guid communityId, PartyKindsRequest request, CommunityStore communities,
        CancellationToken cancellationToken)
    {
        _ = await communities.SetPartyKindsAsync(communityId, request.Kinds, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {communityId}.");
        return await ListPartyKindsAsync(communityId, communities, cancellationToken);
    }

    /// <summary>Creates a precinct.</summary>
    public static async Task<Created<Precinct>> CreatePrecinctAsync(Guid communityId, CreatePrecinctRequest request, CommunityStore communities, CancellationToken cancellationToken)
    {
        await RequireCommunityAsync(communities, communityId, cancellationToken);
        var errors = new Dictionary<string, FieldError[]>();
        var name = Required(request.Name, "name", 200, errors);
        ThrowIfAny(errors);
        var precinct = await communities.CreatePrecinctAsync(communityId, name, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.Conflict, "name-taken", $"The community already has a precinct '{name}'.");
        return TypedResults.Created($"/api/communities/{communityId}/precincts", precinct);
    }

    /// <summary>Lists precincts.</summary>
    public static async Task<Ok<IReadOnlyList<Precinct>>> ListPrecinctsAsync(Guid communityId, CommunityStore communities, CancellationToken cancellationToken)
    {
        await RequireCommunityAsync(communities, communityId, cancellationToken);
        return TypedResults.Ok(await communities.ListPrecinctsAsync(communityId, cancellationToken));
    }

    /// <summary>Creates a building group.</summary>
    public static async Task<Created<BuildingGroup>> CreateBuildingGroupAsync(Guid communityId, CreateBuildingGroupRequest request, CommunityStore communities,
        CancellationToken cancellationToken)
    {
        await RequireCommunityAsync(communities, communityId, cancellationToken);
        var errors = new Dictionary<string, FieldError[]>();
        var name = Required(request.Name, "name", 200, errors);
        if (request.PrecinctId is null && string.IsNullOrWhiteSpace(request.PrecinctName)) errors["precinctId"] = [ApiFields.PrecinctGiven.Error()];
        if (request.Compound?.Trim().Length > 100) errors["compound"] = [CommonFields.AtMost.With(("max", 100))];
        ThrowIfAny(errors);
        var precinct = await communities.FindPrecinctAsync(communityId, request.PrecinctId, request.PrecinctName, cancellationToken)
            ?? throw Invalid(request.PrecinctId is null ? "precinctName" : "precinctId", ApiFields.PrecinctUnknown.Error());
        var group = await communities.CreateBuildingGroupAsync(communityId, precinct.Id, name, request.Compound, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.Conflict, "name-taken",
                string.IsNullOrWhiteSpace(request.Compound) ? $"The community already has a building group '{name}'." : $"The compound {request.Compound.Trim()} already has a building group '{name}'.");
        return TypedResults.Created($"/api/communities/{communityId}/building-groups", group);
    }

    /// <summary>Lists building groups.</summary>
    public static async Task<Ok<IReadOnlyList<BuildingGroup>>> ListBuildingGroupsAsync(Guid communityId, CommunityStore communities, CancellationToken cancellationToken)
    {
        await RequireCommunityAsync(communities, communityId, cancellationToken);
        return TypedResults.Ok(await communities.ListBuildingGroupsAsync(communityId, cancellationToken));
    }

    /// <summary>Imports a roster file, all or nothing.</summary>
    public static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> ImportRosterAsync(Guid communityId, HttpRequest request,
        CommunityStore communities, RosterStore roster, CancellationToken cancellationToken)
    {
        await RequireCommunityAsync(communities, communityId, cancellationToken);
        if (!request.HasFormContentType) throw Invalid("file", ApiFields.RosterNotForm.Error());
        IFormCollection form;
        try
        {
            // The form is read here rather than bound, so a file over the limit is refused as a roster problem, in the caller's language.
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = RosterLimits.MaxFileBytes + 64 * 1024 }, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return Refused(request, [RosterParser.FileTooLarge(request.ContentLength ?? RosterLimits.MaxFileBytes + 1L)]);
        }
        var file = form.Files["file"] ?? (form.Files.Count > 0 ? form.Files[0] : null) ?? throw Invalid("file", ApiFields.RosterNoFile.Error());
        if (file.Length > RosterLimits.MaxFileBytes) return Refused(request, [RosterParser.FileTooLarge(file.Length)]);
        byte[] content;
        await using (var stream = file.OpenReadStream())
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        var result = await roster.ImportAsync(communityId, content, cancellationToken);
        if (result.Conflicted) throw new WorkflowException(WorkflowErrorKind.Conflict, "roster-changed", "The roster changed while the file was imported; nothing was imported. Try again.");
        if (!result.Imported) return Refused(request, result.Problems);
        return TypedResults.Ok(new ImportSummary(result.HouseholdsAdded, result.PeopleAdded));
    }

    /// <summary>Exports the roster as CSV.</summary>
    public static async Task<FileContentHttpResult> ExportRosterAsync(Guid communityId, CommunityStore communities, RosterStore roster, CancellationToken cancellationToken)
    {
        var community = await RequireCommunityAsync(communities, communityId, cancellationToken);
        var csv = await roster.ExportCsvAsync(communityId, cancellationToken);
        return TypedResults.File(csv, "text/csv; charset=utf-8", $"{community.Code}-roster.csv");
    }

    /// <summary>Lists people, phones masked.</summary>
    public static async Task<Ok<PeoplePage>> ListPeopleAsync(Guid communityId, Guid? buildingGroupId, string? role, string? name, int? skip, int? take,
        CommunityStore communities, RosterStore roster, CancellationToken cancellationToken)
    {
        await RequireCommunityAsync(communities, communityId, cancellationToken);
        PersonRoles? roleFilter = null;
        if (!string.IsNullOrWhiteSpace(role))
            roleFilter = RoleNames.Find(role) ?? throw Invalid("role", ApiFields.RoleUnknown.With(("roles", string.Join(", ", RoleNames.All.Select(r => $"{r.Chinese} ({r.Role})")))));
        var s = Math.Max(0, skip ?? 0);
        var t = Math.Clamp(take ?? 100, 1, 1000);
        if (name?.Trim().Length > 50) throw Invalid("name", CommonFields.AtMost.With(("max", 50)));
        var (items, total) = await roster.ListPeopleAsync(communityId, buildingGroupId, roleFilter, s, t, cancellationToken, name);
        return TypedResults.Ok(new PeoplePage(items.Select(View).ToList(), total, s, t));
    }

    /// <summary>Changes a person's email.</summary>
    public static async Task<Ok<PersonView>> ChangeEmailAsync(Guid communityId, Guid personId, ChangeEmailRequest request,
        CommunityStore communities, RosterStore roster, CancellationToken cancellationToken)
    {
        await RequireCommunityAsync(communities, communityId, cancellationToken);
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (email is not null && !EmailAddresses.IsValid(email)) throw Invalid("email", ApiFields.EmailInvalid.Error());
        var person = await roster.ChangeEmailAsync(communityId, personId, email, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "person-not-found", $"The community has no person {personId}.");
        return TypedResults.Ok(View(person));
    }

    private static PersonView View(PersonListing p) => new(p.Id, p.Name, RoleNames.EnglishNames(p.Roles), p.BuildingGroupId, p.BuildingGroupName,
        p.HouseholdId, p.Unit, p.FloorArea is { } area ? Normalized(area) : null, p.Email, p.Phone is null ? null : PhoneNumbers.Mask(p.Phone), p.IsHouseholdRepresentative);

    /// <summary>75 rather than 75.0 (SQLite) or 75.00 (PostgreSQL): the same number however the database kept its scale.</summary>
    private static decimal Normalized(decimal area) => area / 1.000000000000000000000000000000000m;

    private static ProblemHttpResult Refused(HttpRequest request, IReadOnlyList<RosterProblem> problems)
    {
        var language = request.Headers.AcceptLanguage.ToString();
        var english = ProblemTitles.PrefersEnglish(language);
        var problem = FrameworkRefusals.Problem(StatusCodes.Status400BadRequest, "invalid-roster", language,
            english ? $"{problems.Count} problem(s); nothing was imported." : $"共 {problems.Count} 处问题，未导入任何内容。");
        problem.Extensions["problems"] = problems.Select(p => new RosterProblemView(p.Line, p.Column, p.Code, p.Message(english))).ToList();
        return TypedResults.Problem(problem);
    }

    private static async Task<Community> RequireCommunityAsync(CommunityStore communities, Guid communityId, CancellationToken cancellationToken) =>
        await communities.GetCommunityAsync(communityId, cancellationToken)
        ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {communityId}.");

    private static string Required(string? value, string field, int maxLength, Dictionary<string, FieldError[]> errors)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) errors[field] = [CommonFields.Required.Error()];
        else if (trimmed.Length > maxLength) errors[field] = [CommonFields.AtMost.With(("max", maxLength))];
        return trimmed;
    }

    private static string? EscalationEmails(string? value, Dictionary<string, FieldError[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var addresses = value.Split([',', ',', ';', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var invalid = addresses.Where(a => !EmailAddresses.IsValid(a)).ToList();
        var joined = string.Join(",", addresses);
        if (invalid.Count > 0) errors["escalationEmails"] = [ApiFields.EmailsInvalid.With(("addresses", string.Join(", ", invalid)))];
        else if (joined.Length > 1000) errors["escalationEmails"] = [CommonFields.AtMost.With(("max", 1000))];
        return joined.Length == 0 ? null : joined;
    }

    private static void ThrowIfAny(Dictionary<string, FieldError[]> errors)
    {
        if (errors.Count > 0) throw new WorkflowException(WorkflowErrorKind.Invalid, "bad-request", "The request has invalid fields.") { FieldErrors = errors };
    }

    private static WorkflowException Invalid(string field, FieldError error) =>
        new(WorkflowErrorKind.Invalid, "bad-request", error.Format(english: true)) { FieldErrors = new Dictionary<string, FieldError[]> { [field] = [error] } };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommunityCode();
}
