using System.Collections.Frozen;

namespace OrderCore.FbaPrep;

/// <summary>
/// The wire names of the Fulfillment Inbound v2024-03-20 enums (<c>PrepCategory</c>, <c>PrepType</c>, <c>PrepOwner</c>,
/// <c>LabelOwner</c>, <c>BoxContentInformationSource</c>) and back. Parsing is ordinal and case-sensitive, as in the API.
/// </summary>
/// <threadsafety>Stateless; safe to use from any thread.</threadsafety>
public static class FbaApiNames
{
    private static readonly FrozenDictionary<PrepCategory, string> CategoryNames = new Dictionary<PrepCategory, string>
    {
        [PrepCategory.Adult] = "ADULT",
        [PrepCategory.Baby] = "BABY",
        [PrepCategory.FcProvided] = "FC_PROVIDED",
        [PrepCategory.Fragile] = "FRAGILE",
        [PrepCategory.Granular] = "GRANULAR",
        [PrepCategory.Hanger] = "HANGER",
        [PrepCategory.Liquid] = "LIQUID",
        [PrepCategory.Perforated] = "PERFORATED",
        [PrepCategory.Set] = "SET",
        [PrepCategory.Sharp] = "SHARP",
        [PrepCategory.Small] = "SMALL",
        [PrepCategory.Textile] = "TEXTILE",
        [PrepCategory.Unknown] = "UNKNOWN",
        [PrepCategory.None] = "NONE",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<PrepType, string> TypeNames = new Dictionary<PrepType, string>
    {
        [PrepType.BlackShrinkWrap] = "ITEM_BLACK_SHRINKWRAP",
        [PrepType.BlankSticker] = "ITEM_BLANKSTK",
        [PrepType.Boxing] = "ITEM_BOXING",
        [PrepType.BubbleWrap] = "ITEM_BUBBLEWRAP",
        [PrepType.CapSealing] = "ITEM_CAP_SEALING",
        [PrepType.Debundle] = "ITEM_DEBUNDLE",
        [PrepType.HangGarment] = "ITEM_HANG_GARMENT",
        [PrepType.Labeling] = "ITEM_LABELING",
        [PrepType.NoPrep] = "ITEM_NO_PREP",
        [PrepType.Polybagging] = "ITEM_POLYBAGGING",
        [PrepType.RemoveFromHanger] = "ITEM_RMOVHANG",
        [PrepType.SetCreation] = "ITEM_SETCREAT",
        [PrepType.SetSticker] = "ITEM_SETSTK",
        [PrepType.ShipsInOwnContainer] = "ITEM_SIOC",
        [PrepType.SuffocationSticker] = "ITEM_SUFFOSTK",
        [PrepType.Taping] = "ITEM_TAPING",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, PrepCategory> CategoriesByName = CategoryNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, PrepType> TypesByName = TypeNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every <c>PrepCategory</c> wire name, in the model's order.</summary>
    public static IReadOnlyList<string> PrepCategories { get; } = Enum.GetValues<PrepCategory>().Select(c => CategoryNames[c]).ToArray();

    /// <summary>Every <c>PrepType</c> wire name, in the model's order.</summary>
    public static IReadOnlyList<string> PrepTypes { get; } = Enum.GetValues<PrepType>().Select(t => TypeNames[t]).ToArray();

    /// <summary>The wire name of a category, e.g. <c>TEXTILE</c>.</summary>
    public static string ToApi(PrepCategory category) => CategoryNames[category];

    /// <summary>The wire name of a prep type, e.g. <c>ITEM_POLYBAGGING</c>.</summary>
    public static string ToApi(PrepType type) => TypeNames[type];

    /// <summary>The wire name of a prep owner: <c>AMAZON</c>, <c>SELLER</c> or <c>NONE</c>.</summary>
    public static string ToApi(PrepOwner owner) => owner switch
    {
        PrepOwner.Amazon => "AMAZON",
        PrepOwner.Seller => "SELLER",
        PrepOwner.None => "NONE",
        _ => throw new ArgumentOutOfRangeException(nameof(owner), owner, "Unknown prep owner."),
    };

    /// <summary>The wire name of a label owner: <c>AMAZON</c>, <c>SELLER</c> or <c>NONE</c>.</summary>
    public static string ToApi(LabelOwner owner) => owner switch
    {
        LabelOwner.Amazon => "AMAZON",
        LabelOwner.Seller => "SELLER",
        LabelOwner.None => "NONE",
        _ => throw new ArgumentOutOfRangeException(nameof(owner), owner, "Unknown label owner."),
    };

    /// <summary>The wire name of a box content source, e.g. <c>BOX_CONTENT_PROVIDED</c>.</summary>
    public static string ToApi(BoxContentSource source) => source switch
    {
        BoxContentSource.BoxContentProvided => "BOX_CONTENT_PROVIDED",
        BoxContentSource.ManualProcess => "MANUAL_PROCESS",
        BoxContentSource.Barcode2D => "BARCODE_2D",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown box content source."),
    };

    /// <summary>Reads a <c>PrepCategory</c> wire name; false when it is not one of the 14.</summary>
    public static bool TryParsePrepCategory(string? name, out PrepCategory category)
        => CategoriesByName.TryGetValue(name ?? string.Empty, out category);

    /// <summary>Reads a <c>PrepType</c> wire name; false when it is not one of the 16.</summary>
    public static bool TryParsePrepType(string? name, out PrepType type)
        => TypesByName.TryGetValue(name ?? string.Empty, out type);

    /// <summary>Reads a <c>PrepOwner</c> wire name; false when it is not <c>AMAZON</c>, <c>SELLER</c> or <c>NONE</c>.</summary>
    public static bool TryParsePrepOwner(string? name, out PrepOwner owner)
    {
        switch (name)
        {
            case "AMAZON": owner = PrepOwner.Amazon; return true;
            case "SELLER": owner = PrepOwner.Seller; return true;
            case "NONE": owner = PrepOwner.None; return true;
            default: owner = default; return false;
        }
    }

    /// <summary>Reads a <c>LabelOwner</c> wire name; false when it is not <c>AMAZON</c>, <c>SELLER</c> or <c>NONE</c>.</summary>
    public static bool TryParseLabelOwner(string? name, out LabelOwner owner)
    {
        switch (name)
        {
            case "AMAZON": owner = LabelOwner.Amazon; return true;
            case "SELLER": owner = LabelOwner.Seller; return true;
            case "NONE": owner = LabelOwner.None; return true;
            default: owner = default; return false;
        }
    }

    /// <summary>Reads a <c>BoxContentInformationSource</c> wire name; false when it is not one of the three.</summary>
    public static bool TryParseBoxContentSource(string? name, out BoxContentSource source)
    {
        switch (name)
        {
            case "BOX_CONTENT_PROVIDED": source = BoxContentSource.BoxContentProvided; return true;
            case "MANUAL_PROCESS": source = BoxContentSource.ManualProcess; return true;
            case "BARCODE_2D": source = BoxContentSource.Barcode2D; return true;
            default: source = default; return false;
        }
    }
}
