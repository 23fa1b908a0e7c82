using System.Collections;
using System.Linq.Expressions;
using Deliberation.Civic.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Deliberation.Persistence.CivicPort;

/// <summary>
/// Wraps EF Core's query provider so that the domain's <see cref="CivicQueryable"/> operators reach EF Core's
/// asynchronous execution and set-based updates; every query it creates is wrapped again.
/// </summary>
internal sealed class EfQueryProvider(IQueryProvider inner) : ICivicQueryProvider
{
    private IAsyncQueryProvider Async => inner as IAsyncQueryProvider
        ?? throw new InvalidOperationException("The EF Core query provider does not run queries asynchronously.");

    public IQueryable CreateQuery(Expression expression)
    {
        var query = inner.CreateQuery(expression);
        return (IQueryable)Activator.CreateInstance(typeof(EfQuery<>).MakeGenericType(query.ElementType), query, this)!;
    }

    public IQueryable<T> CreateQuery<T>(Expression expression) => new EfQuery<T>(inner.CreateQuery<T>(expression), this);

    public object? Execute(Expression expression) => inner.Execute(expression);

    public TResult Execute<TResult>(Expression expression) => inner.Execute<TResult>(expression);

    public Task<TResult> ExecuteAsync<TResult>(Expression expression, CancellationToken cancellationToken) =>
        Async.ExecuteAsync<Task<TResult>>(expression, cancellationToken);

    public IAsyncEnumerable<T> AsAsyncEnumerable<T>(Expression expression) => EntityFrameworkQueryableExtensions.AsAsyncEnumerable(inner.CreateQuery<T>(expression));

    public IQueryable<T> AsNoTracking<T>(Expression expression) where T : class =>
        new EfQuery<T>(EntityFrameworkQueryableExtensions.AsNoTracking(inner.CreateQuery<T>(expression)), this);

    public Task<int> ExecuteUpdateAsync<T>(Expression expression, Setters<T> setters, CancellationToken cancellationToken) =>
        Refused.Translate(() => EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(inner.CreateQuery<T>(expression), b => setters.ApplyTo(new Sink<T>(b)), cancellationToken));

    public Task<int> ExecuteDeleteAsync<T>(Expression expression, CancellationToken cancellationToken) =>
        Refused.Translate(() => EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(inner.CreateQuery<T>(expression), cancellationToken));

    private sealed class Sink<T>(UpdateSettersBuilder<T> builder) : ISetterSink<T>
    {
        public void Set<TProperty>(Expression<Func<T, TProperty>> property, TProperty value) => builder.SetProperty(property, value);

        public void Set<TProperty>(Expression<Func<T, TProperty>> property, Expression<Func<T, TProperty>> value) => builder.SetProperty(property, value);
    }
}

/// <summary>An EF Core query seen through <see cref="EfQueryProvider"/>: same expression, the wrapping provider.</summary>
internal sealed class EfQuery<T>(IQueryable<T> inner, EfQueryProvider provider) : IOrderedQueryable<T>
{
    public Type ElementType => inner.ElementType;
    public Expression Expression => inner.Expression;
    public IQueryProvider Provider => provider;
    public IEnumerator<T> GetEnumerator() => inner.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A table of the session: its rows through the wrapping provider, additions and removals through the DbSet.</summary>
internal sealed class EfSet<T>(DbSet<T> set, EfQueryProvider provider) : ICivicSet<T> where T : class
{
    public Type ElementType => typeof(T);
    public Expression Expression => ((IQueryable)set).Expression;
    public IQueryProvider Provider => provider;
    public IEnumerable<T> Local => set.Local;
    public void Add(T entity) => set.Add(entity);
    public void AddRange(IEnumerable<T> entities) => set.AddRange(entities);
    public void Remove(T entity) => set.Remove(entity);
    public void RemoveRange(IEnumerable<T> entities) => set.RemoveRange(entities);
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)set).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
