using System.Reflection;
using OrderCore.Adapters.Amazon.SpApi;

namespace OrderCore.Adapters.Amazon.Tests.SpApi;

/// <summary>The adapter's shape: an anti-corruption layer that references only the core, with sealed public types and internal DTOs.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Adapter = typeof(AmazonSpApiClient).Assembly;

    [Fact]
    public void References_OfTheAdapter_IncludeOnlyTheCoreAmongOrderCoreAssemblies()
    {
        var ours = Adapter.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("OrderCore", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["OrderCore"], ours);
    }

    [Fact]
    public void PublicClasses_AreSealedAbstractOrStatic_AndStructsReadonly()
    {
        var open = Adapter.GetExportedTypes().Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t)).Select(t => t.FullName).ToArray();
        Assert.Empty(open);
        var mutable = Adapter.GetExportedTypes().Where(t => t.IsValueType && !t.IsEnum && t.GetCustomAttributes().All(a => a.GetType().Name != "IsReadOnlyAttribute")).Select(t => t.FullName).ToArray();
        Assert.Empty(mutable);
    }

    [Fact]
    public void ChannelDtos_AreInternal()
    {
        Assert.DoesNotContain(Adapter.GetExportedTypes(), t => t.Namespace?.EndsWith(".Json", StringComparison.Ordinal) == true || t.Name.EndsWith("Dto", StringComparison.Ordinal));
    }
}
