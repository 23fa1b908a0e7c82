using System.Reflection;
using Deliberation.Civic.Links;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Runtime;
using Deliberation.Integrations.Timers;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Host.Tests.Architecture;

/// <summary>
/// The dependency rules of the architecture, checked on the built assemblies: the engine knows no host, database
/// driver or domain; the domain knows no EF Core or ASP.NET Core; the integrations need no web framework.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly Assembly Engine = typeof(WorkflowRuntime).Assembly;
    private static readonly Assembly Civic = typeof(LinkSigner).Assembly;
    private static readonly Assembly Integrations = typeof(TimerPump).Assembly;
    private static readonly Assembly Persistence = typeof(DeliberationDbContext).Assembly;

    [Fact]
    public void Engine_ReferencesNoHostDatabaseOrIntegrationLibrary()
    {
        var forbidden = new[] { "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite", "Hangfire", "MailKit", "MimeKit", "Scriban", "Deliberation." };

        var references = Engine.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Engine_PublicApiNamesNoAdoNetType()
    {
        var named = PublicSurface(Engine).Where(t => t.Namespace is "System.Data" or "System.Data.Common").Select(t => t.FullName).Distinct().ToList();

        Assert.Empty(named);
    }

    [Fact]
    public void Civic_ReferencesNoEfCoreOrAspNetCore()
    {
        var references = Civic.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || r.StartsWith("Deliberation.Persistence", StringComparison.Ordinal));
    }

    [Fact]
    public void Civic_ReferencesNoDatabaseDriver()
    {
        var references = Civic.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Npgsql", StringComparison.Ordinal) || r.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal));
    }

    /// <summary>
    /// Persistence keeps the model (the DbContext, one configuration per entity, migrations), the SQL workflow store and
    /// the implementation of the domain's port: no activity, and no other type of it so much as names a domain type —
    /// a feature service would.
    /// </summary>
    [Fact]
    public void Persistence_HoldsNoActivityAndNoFeatureService()
    {
        var types = Persistence.GetTypes().Where(t => t.Namespace is not null && !t.Name.Contains('<', StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(types, t => typeof(Activity).IsAssignableFrom(t));
        var modelOrPort = new[] { "Deliberation.Persistence.Configurations", "Deliberation.Persistence.CivicPort", "Deliberation.Persistence.Migrations" };
        var naming = types
            .Where(t => !modelOrPort.Any(n => t.Namespace!.StartsWith(n, StringComparison.Ordinal)) && !typeof(DbContext).IsAssignableFrom(t))
            .Where(t => AllMembersName(t).Any(named => named.Assembly == Civic))
            .Select(t => t.FullName).ToList();
        Assert.Empty(naming);
        Assert.Contains(types, t => t.Namespace == "Deliberation.Persistence.CivicPort" && AllMembersName(t).Any(named => named.Assembly == Civic));
    }

    [Fact]
    public void Integrations_ReferencesNoWebFramework()
    {
        var references = Integrations.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    /// <summary>Every type a public member of a public type names: base types, interfaces, fields, properties, events, parameters and returns, with generic arguments.</summary>
    private static IEnumerable<Type> PublicSurface(Assembly assembly)
    {
        const BindingFlags Members = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetExportedTypes())
        {
            var named = new List<Type?> { type.BaseType };
            named.AddRange(type.GetInterfaces());
            named.AddRange(type.GetFields(Members).Select(f => f.FieldType));
            named.AddRange(type.GetProperties(Members).Select(p => p.PropertyType));
            named.AddRange(type.GetEvents(Members).Select(e => e.EventHandlerType));
            foreach (var method in type.GetMethods(Members).Cast<MethodBase>().Concat(type.GetConstructors(Members)))
            {
                if (method is MethodInfo m) named.Add(m.ReturnType);
                named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            }
            foreach (var t in named.OfType<Type>().SelectMany(Expand)) yield return t;
        }
    }

    /// <summary>Every type any member of a type names, public or not (fields, properties, parameters, returns, bases), with generic arguments.</summary>
    private static IEnumerable<Type> AllMembersName(Type type)
    {
        const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(Members).Select(f => f.FieldType));
        named.AddRange(type.GetProperties(Members).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(Members).Cast<MethodBase>().Concat(type.GetConstructors(Members)))
        {
            if (method is MethodInfo m) named.Add(m.ReturnType);
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
        }
        return named.OfType<Type>().SelectMany(Expand);
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType) return Expand(type.GetElementType()!);
        return type.IsGenericType ? [type, .. type.GetGenericArguments().SelectMany(Expand)] : [type];
    }
}
