using System.Reflection;
using System.Runtime.CompilerServices;
using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Architecture;

/// <summary>Conventions checked by reflection (aesthetics convention 16).</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Order).Assembly;
    private static readonly Assembly Routing = typeof(OrderCore.Routing.PriorityOrderRouter).Assembly;
    private static readonly Assembly TestingKit = typeof(OrderCoreHarness).Assembly;

    public static TheoryData<string> ShippedAssemblies() => new(Core.GetName().Name!, Routing.GetName().Name!, TestingKit.GetName().Name!);

    private static Assembly Load(string name) => new[] { Core, Routing, TestingKit }.Single(a => a.GetName().Name == name);

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void PublicClasses_InShippedAssembly_AreSealedAbstractOrStatic(string assembly)
    {
        var open = Load(assembly).GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(open);
    }

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void PublicStructs_InShippedAssembly_AreReadonly(string assembly)
    {
        var mutable = Load(assembly).GetExportedTypes()
            .Where(t => t.IsValueType && !t.IsEnum && t.GetCustomAttribute<IsReadOnlyAttribute>() is null)
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(mutable);
    }

    [Fact]
    public void References_OfCore_IncludeNoOtherOrderCoreAssembly()
    {
        var ours = Core.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("OrderCore", StringComparison.Ordinal)).Select(a => a.Name).ToArray();

        Assert.Empty(ours);
    }

    [Fact]
    public void References_OfRouting_AreOnlyTheCore()
    {
        var ours = Routing.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("OrderCore", StringComparison.Ordinal)).Select(a => a.Name!).ToArray();

        Assert.Equal(["OrderCore"], ours);
    }

    [Fact]
    public void PublicProperties_OfCoreClasses_HaveNoPublicSetters()
    {
        // Aggregates change only through behaviour methods; options classes are the documented exception.
        var setters = Core.GetExportedTypes()
            .Where(t => t.IsClass && !t.Name.EndsWith("Options", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } && !p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToArray();

        Assert.Empty(setters);
    }

    [Fact]
    public void DomainEvents_InCore_AreSealedRecords()
    {
        var events = Core.GetExportedTypes().Where(t => typeof(OrderCore.Events.IDomainEvent).IsAssignableFrom(t) && !t.IsInterface).ToArray();

        Assert.NotEmpty(events);
        Assert.All(events, t =>
        {
            Assert.True(t.IsSealed, t.Name);
            Assert.NotNull(t.GetMethod("<Clone>$"));
        });
    }
}
