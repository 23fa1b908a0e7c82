using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Organisations;

/// <summary>
/// The community's directory of organisations (组织名录) through EF Core. An organisation is written with all its contacts
/// at once, so the rule that exactly one contact represents it holds after every change. Refusals are
/// <see cref="WorkflowException"/>s: <c>bad-request</c> (400, errors by field) and <c>organisation-not-found</c> (404).
/// </summary>
public sealed class OrganisationStore(ICivicDatabase database, TimeProvider time)
{
    /// <summary>The most contacts of one organisation.</summary>
    public const int MaxContacts = 20;

    /// <summary>The most organisations listed at once (a community has tens).</summary>
    public const int MaxListed = 500;

    /// <summary>The community's organisations by name, each with its contacts.</summary>
    public async Task<List<OrganisationEntry>> ListAsync(Guid communityId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var organisations = await db.Organisations.Where(o => o.CommunityId == communityId).OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Take(MaxListed).AsNoTracking().ToListAsync(cancellationToken);
        var ids = organisations.Select(o => o.Id).ToList();
        var contacts = (await db.OrganisationContacts.Where(c => ids.Contains(c.OrganisationId)).AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(c => c.OrganisationId);
        return organisations.Select(o => new OrganisationEntry(o, [.. contacts[o.Id].OrderBy(c => c.Position)])).ToList();
    }

    /// <summary>One organisation of the community with its contacts.</summary>
    /// <exception cref="WorkflowException">The community has no such organisation (404).</exception>
    public async Task<OrganisationEntry> GetAsync(Guid communityId, Guid organisationId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId && o.CommunityId == communityId, cancellationToken)
            ?? throw NotFound(organisationId);
        var contacts = await db.OrganisationContacts.Where(c => c.OrganisationId == organisationId).OrderBy(c => c.Position).AsNoTracking().ToListAsync(cancellationToken);
        return new OrganisationEntry(organisation, contacts);
    }

    /// <summary>Adds an organisation with its contacts.</summary>
    /// <exception cref="WorkflowException">The draft is invalid (400, errors by field; nothing is written), or there is no such community (404).</exception>
    public async Task<OrganisationEntry> CreateAsync(Guid communityId, OrganisationDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = time.GetUtcNow();
        await using var db = database.Open();
        var checkedDraft = await CheckAsync(db, communityId, null, draft, cancellationToken);
        var organisation = new Organisation { Id = Guid.CreateVersion7(now), CommunityId = communityId, CreatedAt = now };
        Apply(organisation, checkedDraft, now);
        db.Organisations.Add(organisation);
        var contacts = Contacts(organisation.Id, checkedDraft, now);
        db.OrganisationContacts.AddRange(contacts);
        await SaveAsync(db, cancellationToken);
        return new OrganisationEntry(organisation, contacts);
    }

    /// <summary>Replaces an organisation's name, kind, notes and contacts.</summary>
    /// <exception cref="WorkflowException">The draft is invalid (400; nothing changes), or the community has no such organisation (404).</exception>
    public async Task<OrganisationEntry> UpdateAsync(Guid communityId, Guid organisationId, OrganisationDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = time.GetUtcNow();
        await using var db = database.Open(tracking: true);
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId && o.CommunityId == communityId, cancellationToken)
            ?? throw NotFound(organisationId);
        var checkedDraft = await CheckAsync(db, communityId, organisationId, draft, cancellationToken);
        Apply(organisation, checkedDraft, now);
        db.OrganisationContacts.RemoveRange(await db.OrganisationContacts.Where(c => c.OrganisationId == organisationId).ToListAsync(cancellationToken));
        var contacts = Contacts(organisationId, checkedDraft, now);
        db.OrganisationContacts.AddRange(contacts);
        await SaveAsync(db, cancellationToken);
        return new OrganisationEntry(organisation, contacts);
    }

    /// <summary>Removes an organisation and its contacts.</summary>
    /// <exception cref="WorkflowException">The community has no such organisation (404).</exception>
    public async Task DeleteAsync(Guid communityId, Guid organisationId, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tracking: true);
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId && o.CommunityId == communityId, cancellationToken)
            ?? throw NotFound(organisationId);
        db.OrganisationContacts.RemoveRange(await db.OrganisationContacts.Where(c => c.OrganisationId == organisationId).ToListAsync(cancellationToken));
        db.Organisations.Remove(organisation);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Checks the draft against the text rules and the community's kinds, roster and other organisations; the trimmed draft.</summary>
    private static async Task<OrganisationDraft> CheckAsync(ICivicSession db, Guid communityId, Guid? organisationId, OrganisationDraft draft,
        CancellationToken cancellationToken)
    {
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == communityId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {communityId}.");
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        var name = draft.Name?.Trim() ?? "";
        if (TextRules.Check(errors, "name", draft.Name, Organisation.MaxName, required: true))
        {
            var names = await db.Organisations.Where(o => o.CommunityId == communityId && o.Id != organisationId).Select(o => o.Name).ToListAsync(cancellationToken);
            if (names.Contains(name, StringComparer.OrdinalIgnoreCase)) errors["name"] = [OrganisationFields.NameTaken.Error()];
        }
        var kinds = OrganisationKinds.For(community.PartyKinds);
        var kind = draft.Kind?.Trim() ?? "";
        if (!kinds.Contains(kind)) errors["kind"] = [OrganisationFields.Kind.With(("kinds", string.Join(", ", kinds)))];
        TextRules.Check(errors, "notes", draft.Notes, Organisation.MaxNotes, required: false, multiline: true);
        var contacts = new List<ContactDraft>();
        var given = draft.Contacts ?? [];
        if (given.Count > MaxContacts)
        {
            errors["contacts"] = [OrganisationFields.TooManyContacts.With(("max", MaxContacts))];
        }
        else
        {
            var personIds = given.Select(c => c?.PersonId).OfType<Guid>().Distinct().ToList();
            var known = personIds.Count == 0 ? [] : (await db.People.Where(p => p.CommunityId == communityId && personIds.Contains(p.Id)).Select(p => p.Id)
                .ToListAsync(cancellationToken)).ToHashSet();
            for (var i = 0; i < given.Count; i++) contacts.Add(CheckContact(given[i], $"contacts[{i}]", known, errors));
            if (contacts.Count > 0 && contacts.Count(c => c.IsRepresentative) != 1) errors["contacts"] = [OrganisationFields.Representative.Error()];
        }
        if (errors.Count > 0)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "bad-request", "The organisation has invalid fields; nothing changed.") { FieldErrors = errors };
        return new OrganisationDraft(name, kind, string.IsNullOrWhiteSpace(draft.Notes) ? null : draft.Notes.Trim(), contacts);
    }

    private static ContactDraft CheckContact(ContactDraft? contact, string at, HashSet<Guid> known, Dictionary<string, FieldError[]> errors)
    {
        TextRules.Check(errors, at + ".name", contact?.Name, OrganisationContact.MaxName, required: true);
        TextRules.Check(errors, at + ".role", contact?.Role, OrganisationContact.MaxRole, required: false);
        var email = string.IsNullOrWhiteSpace(contact?.Email) ? null : contact.Email.Trim();
        if (email is not null && !EmailAddresses.IsValid(email)) errors[at + ".email"] = [OrganisationFields.Email.Error()];
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(contact?.Phone) && !PhoneNumbers.TryNormalize(contact.Phone, out phone))
            errors[at + ".phone"] = [OrganisationFields.Phone.With(("min", PhoneNumbers.MinDigits), ("max", PhoneNumbers.MaxDigits))];
        if (contact?.PersonId is { } personId && !known.Contains(personId)) errors[at + ".personId"] = [CommonFields.PersonUnknown.Error()];
        return new ContactDraft(contact?.Name?.Trim(), string.IsNullOrWhiteSpace(contact?.Role) ? null : contact.Role.Trim(), email,
            string.IsNullOrEmpty(phone) ? null : phone, contact?.PersonId, contact?.IsRepresentative ?? false);
    }

    private static void Apply(Organisation organisation, OrganisationDraft draft, DateTimeOffset now)
    {
        organisation.Name = draft.Name!;
        organisation.Kind = draft.Kind!;
        organisation.Notes = draft.Notes;
        organisation.UpdatedAt = now;
    }

    private static List<OrganisationContact> Contacts(Guid organisationId, OrganisationDraft draft, DateTimeOffset now) =>
        (draft.Contacts ?? []).Select((c, i) => new OrganisationContact
        {
            Id = Guid.CreateVersion7(now), OrganisationId = organisationId, Position = i, Name = c!.Name!, Role = c.Role, Email = c.Email, Phone = c.Phone,
            PersonId = c.PersonId, IsRepresentative = c.IsRepresentative,
        }).ToList();

    /// <summary>Saves; a name taken by a concurrent request meanwhile (the unique index) is refused like one taken before.</summary>
    private static async Task SaveAsync(ICivicSession db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DataWriteException)
        {
            throw new WorkflowException(WorkflowErrorKind.Invalid, "bad-request", "The organisation has invalid fields; nothing changed.")
            {
                FieldErrors = new Dictionary<string, FieldError[]> { ["name"] = [OrganisationFields.NameTaken.Error()] },
            };
        }
    }

    private static WorkflowException NotFound(Guid organisationId) =>
        new(WorkflowErrorKind.NotFound, "organisation-not-found", $"The community has no organisation {organisationId}.");
}
