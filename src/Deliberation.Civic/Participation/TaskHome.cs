using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;

namespace Deliberation.Civic.Participation;

/// <summary>A task with the person asked, their household and its building (the person's own building when they have no household).</summary>
public sealed class TaskHome
{
    /// <summary>The task.</summary>
    public required ParticipationTask Task { get; init; }

    /// <summary>Who is asked.</summary>
    public required Person Person { get; init; }

    /// <summary>Their household, if any.</summary>
    public Household? Household { get; init; }

    /// <summary>Their building, if any.</summary>
    public BuildingGroup? Building { get; init; }

    /// <summary>Every task of the session with where its person lives, to filter and project further.</summary>
    public static IQueryable<TaskHome> Query(ICivicSession db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from t in db.Tasks
               join p in db.People on t.PersonId equals p.Id
               join h in db.Households on p.HouseholdId equals h.Id into hs
               from h in hs.DefaultIfEmpty()
               join b in db.BuildingGroups on (h == null ? p.BuildingGroupId : h.BuildingGroupId) equals b.Id into bs
               from b in bs.DefaultIfEmpty()
               select new TaskHome { Task = t, Person = p, Household = h, Building = b };
    }
}
