using System.Linq.Expressions;

namespace Deliberation.Civic.Data;

/// <summary>
/// The query provider behind an <see cref="ICivicSession"/>'s sets: it runs queries asynchronously and changes or
/// deletes the rows a query selects in one statement. Implemented by the persistence layer.
/// </summary>
public interface ICivicQueryProvider : IQueryProvider
{
    /// <summary>Runs a query whose result is one value (a count, the first row, whether any).</summary>
    Task<TResult> ExecuteAsync<TResult>(Expression expression, CancellationToken cancellationToken);

    /// <summary>Streams the rows of a query.</summary>
    IAsyncEnumerable<T> AsAsyncEnumerable<T>(Expression expression);

    /// <summary>The same query, not tracking what it reads.</summary>
    IQueryable<T> AsNoTracking<T>(Expression expression) where T : class;

    /// <summary>Sets properties on every row the query selects, in one statement; returns how many.</summary>
    Task<int> ExecuteUpdateAsync<T>(Expression expression, Setters<T> setters, CancellationToken cancellationToken);

    /// <summary>Deletes every row the query selects, in one statement; returns how many.</summary>
    Task<int> ExecuteDeleteAsync<T>(Expression expression, CancellationToken cancellationToken);
}

/// <summary>The property assignments of a set-based update (<see cref="CivicQueryable.ExecuteUpdateAsync"/>).</summary>
public sealed class Setters<T>
{
    private readonly List<Action<ISetterSink<T>>> _calls = [];

    /// <summary>Sets a property to a value.</summary>
    public Setters<T> SetProperty<TProperty>(Expression<Func<T, TProperty>> property, TProperty value)
    {
        _calls.Add(sink => sink.Set(property, value));
        return this;
    }

    /// <summary>Sets a property to a value computed from the row (e.g. <c>c =&gt; c.Count + 1</c>).</summary>
    public Setters<T> SetProperty<TProperty>(Expression<Func<T, TProperty>> property, Expression<Func<T, TProperty>> value)
    {
        _calls.Add(sink => sink.Set(property, value));
        return this;
    }

    /// <summary>Hands every assignment, in order, to a provider's builder.</summary>
    public void ApplyTo(ISetterSink<T> sink)
    {
        foreach (var call in _calls) call(sink);
    }
}

/// <summary>Receives the assignments of <see cref="Setters{T}"/> (the provider's translation of them).</summary>
public interface ISetterSink<T>
{
    /// <summary>A property set to a value.</summary>
    void Set<TProperty>(Expression<Func<T, TProperty>> property, TProperty value);

    /// <summary>A property set to a value computed from the row.</summary>
    void Set<TProperty>(Expression<Func<T, TProperty>> property, Expression<Func<T, TProperty>> value);
}

/// <summary>Asynchronous execution of the session's queries, in the shape of LINQ's own operators.</summary>
public static class CivicQueryable
{
    private static ICivicQueryProvider Provider<T>(IQueryable<T> source) =>
        (source ?? throw new ArgumentNullException(nameof(source))).Provider as ICivicQueryProvider
        ?? throw new InvalidOperationException("The query does not come from an ICivicSession: open one through ICivicDatabase.");

    private static Task<TResult> Run<T, TResult>(IQueryable<T> source, Delegate op, CancellationToken ct, params Expression[] arguments) =>
        Provider(source).ExecuteAsync<TResult>(Expression.Call(null, op.Method, [source.Expression, .. arguments]), ct);

    /// <summary>All rows.</summary>
    public static async Task<List<T>> ToListAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default)
    {
        var list = new List<T>();
        await foreach (var item in Provider(source).AsAsyncEnumerable<T>(source.Expression).WithCancellation(cancellationToken)) list.Add(item);
        return list;
    }

    /// <summary>All rows, by key.</summary>
    public static async Task<Dictionary<TKey, T>> ToDictionaryAsync<T, TKey>(this IQueryable<T> source, Func<T, TKey> key,
        CancellationToken cancellationToken = default) where TKey : notnull =>
        (await source.ToListAsync(cancellationToken)).ToDictionary(key);

    /// <summary>A value of every row, by key.</summary>
    public static async Task<Dictionary<TKey, TValue>> ToDictionaryAsync<T, TKey, TValue>(this IQueryable<T> source, Func<T, TKey> key,
        Func<T, TValue> value, CancellationToken cancellationToken = default) where TKey : notnull =>
        (await source.ToListAsync(cancellationToken)).ToDictionary(key, value);

    /// <summary>The first row, or the default.</summary>
    public static Task<T?> FirstOrDefaultAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, T?>(source, new Func<IQueryable<T>, T?>(Queryable.FirstOrDefault), cancellationToken);

    /// <summary>The first row matching, or the default.</summary>
    public static Task<T?> FirstOrDefaultAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Run<T, T?>(source, new Func<IQueryable<T>, Expression<Func<T, bool>>, T?>(Queryable.FirstOrDefault), cancellationToken, Expression.Quote(predicate));

    /// <summary>The first row.</summary>
    /// <exception cref="InvalidOperationException">There is none.</exception>
    public static Task<T> FirstAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, T>(source, new Func<IQueryable<T>, T>(Queryable.First), cancellationToken);

    /// <summary>The only row matching.</summary>
    /// <exception cref="InvalidOperationException">There is none, or more than one.</exception>
    public static Task<T> SingleAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Run<T, T>(source, new Func<IQueryable<T>, Expression<Func<T, bool>>, T>(Queryable.Single), cancellationToken, Expression.Quote(predicate));

    /// <summary>The only row matching, or the default.</summary>
    /// <exception cref="InvalidOperationException">More than one.</exception>
    public static Task<T?> SingleOrDefaultAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Run<T, T?>(source, new Func<IQueryable<T>, Expression<Func<T, bool>>, T?>(Queryable.SingleOrDefault), cancellationToken, Expression.Quote(predicate));

    /// <summary>The only row, or the default.</summary>
    /// <exception cref="InvalidOperationException">More than one.</exception>
    public static Task<T?> SingleOrDefaultAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, T?>(source, new Func<IQueryable<T>, T?>(Queryable.SingleOrDefault), cancellationToken);

    /// <summary>Whether there is a row.</summary>
    public static Task<bool> AnyAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, bool>(source, new Func<IQueryable<T>, bool>(Queryable.Any), cancellationToken);

    /// <summary>Whether a row matches.</summary>
    public static Task<bool> AnyAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Run<T, bool>(source, new Func<IQueryable<T>, Expression<Func<T, bool>>, bool>(Queryable.Any), cancellationToken, Expression.Quote(predicate));

    /// <summary>How many rows.</summary>
    public static Task<int> CountAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, int>(source, new Func<IQueryable<T>, int>(Queryable.Count), cancellationToken);

    /// <summary>How many rows match.</summary>
    public static Task<int> CountAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Run<T, int>(source, new Func<IQueryable<T>, Expression<Func<T, bool>>, int>(Queryable.Count), cancellationToken, Expression.Quote(predicate));

    /// <summary>The largest value; the default when there is no row and the type allows it.</summary>
    public static Task<T?> MaxAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, T?>(source, new Func<IQueryable<T>, T?>(Queryable.Max), cancellationToken);

    /// <summary>The largest value of a selector; the default when there is no row and the selector's type allows it.</summary>
    public static Task<TResult?> MaxAsync<T, TResult>(this IQueryable<T> source, Expression<Func<T, TResult>> selector, CancellationToken cancellationToken = default) =>
        Run<T, TResult?>(source, new Func<IQueryable<T>, Expression<Func<T, TResult>>, TResult?>(Queryable.Max), cancellationToken, Expression.Quote(selector));

    /// <summary>The query without tracking what it reads.</summary>
    public static IQueryable<T> AsNoTracking<T>(this IQueryable<T> source) where T : class => Provider(source).AsNoTracking<T>(source.Expression);

    /// <summary>Sets properties on every row the query selects, in one statement; returns how many.</summary>
    public static Task<int> ExecuteUpdateAsync<T>(this IQueryable<T> source, Action<Setters<T>> set, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var setters = new Setters<T>();
        set(setters);
        return Provider(source).ExecuteUpdateAsync(source.Expression, setters, cancellationToken);
    }

    /// <summary>Deletes every row the query selects, in one statement; returns how many.</summary>
    public static Task<int> ExecuteDeleteAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        Provider(source).ExecuteDeleteAsync<T>(source.Expression, cancellationToken);
}
