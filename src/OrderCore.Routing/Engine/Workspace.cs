using OrderCore.Fulfilment;

namespace OrderCore.Routing.Engine;

/// <summary>Per-thread scratch arrays of the engine, grown on demand and reused, so routing allocates only its result.</summary>
internal sealed class Workspace
{
    [ThreadStatic] private static Workspace? t_current;

    public static Workspace Current => t_current ??= new Workspace();

    // Demand lines (D), distinct SKUs (K), items (I: plain lines or kit groups), locations (L).
    public int[] LineSku = new int[16];
    public int[] LineHash = new int[16];
    public int[] LineItem = new int[16];
    public Sku[] Skus = new Sku[16];
    public int[] SkuHash = new int[16];
    public int[] SkuIdx = new int[16];
    public int[] SkuBase = new int[16];
    public LotEntry[]?[] SkuLots = new LotEntry[]?[16];
    public int[] Need = new int[16];
    public int[] ItemFirst = new int[16];
    public int[] ItemCount = new int[16];
    public int[] ItemLines = new int[16];
    public int[] ItemRemaining = new int[16];

    public int[] Avail = new int[256];      // L × K usable units in the rule's statuses
    public int[] Used = new int[256];       // L × K units taken by the plan so far
    public bool[] Eligible = new bool[64];
    public bool[] Evaluated = new bool[64];
    public bool[] RequestExcluded = new bool[64];
    public double[] Distance = new double[64];
    public NodaTime.LocalDate[] ShipDates = new NodaTime.LocalDate[64];
    public bool[] HasShipDate = new bool[64];
    public string?[] Why = new string?[64];
    public int[] Ranked = new int[64];
    public int[] RankOf = new int[64];
    public bool[] LocationUsed = new bool[64];

    public int[] TagHashes = new int[8];
    public int Touch; // sink for prefetching reads
    public int TakeCount;
    public int[] TakeLine = new int[32];
    public int[] TakeLoc = new int[32];
    public int[] TakeQty = new int[32];

    public int[] DrawSku = new int[32];
    public int[] DrawCell = new int[32];
    public int[] DrawQty = new int[32];

    public RoutedLine[] Routed = new RoutedLine[32];
    public int[] RoutedLoc = new int[32];
    public int[] ShipmentLoc = new int[8];

    public void EnsureDemand(int lines)
    {
        if (LineSku.Length >= lines) return;
        var n = Math.Max(lines, LineSku.Length * 2);
        LineSku = new int[n];
        LineHash = new int[n];
        LineItem = new int[n];
        Skus = new Sku[n];
        SkuHash = new int[n];
        SkuIdx = new int[n];
        SkuBase = new int[n];
        SkuLots = new LotEntry[]?[n];
        Need = new int[n];
        ItemFirst = new int[n];
        ItemCount = new int[n];
        ItemLines = new int[n];
        ItemRemaining = new int[n];
    }

    public void EnsureLocations(int locations, int skus)
    {
        if (Eligible.Length < locations)
        {
            var n = Math.Max(locations, Eligible.Length * 2);
            Eligible = new bool[n];
            Evaluated = new bool[n];
            RequestExcluded = new bool[n];
            Distance = new double[n];
            ShipDates = new NodaTime.LocalDate[n];
            HasShipDate = new bool[n];
            Why = new string?[n];
            Ranked = new int[n];
            RankOf = new int[n];
            LocationUsed = new bool[n];
        }
        var cells = checked(locations * skus);
        if (Avail.Length < cells)
        {
            var n = Math.Max(cells, Avail.Length * 2);
            Avail = new int[n];
            Used = new int[n];
        }
    }

    public static void Grow<T>(ref T[] array, int needed)
    {
        if (array.Length > needed) return;
        Array.Resize(ref array, Math.Max(needed + 1, array.Length * 2));
    }
}
