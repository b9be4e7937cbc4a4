#if ORDERCORE_FBAPREP
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace OrderCore.Cli.Fba;

/// <summary>The arguments of <c>ordercore fba plan</c>.</summary>
/// <param name="DataDirectory">The replay seller's folder (<c>Sale Report.csv</c> and <c>Amazon Sale Report*.csv</c>); null in profiles mode.</param>
/// <param name="From">First day of the demand window (inclusive); null: the first date in the data.</param>
/// <param name="To">Last day of the demand window (inclusive); null: the last date in the data.</param>
/// <param name="Top">How many SKUs to replenish, by marketplace-fulfilled demand.</param>
/// <param name="DaysOfCover">Days of demand the replenishment covers.</param>
/// <param name="JsonPath">Where to write everything as JSON, or null.</param>
/// <param name="ProfilesPath">A user's SKU profiles (JSON), for profiles mode.</param>
/// <param name="QuantitiesPath">A user's quantities (JSON), for profiles mode.</param>
/// <param name="Marketplace">The marketplace code; null: <c>IN</c> for the replay seller, the profiles file's (or <c>US</c>) otherwise.</param>
/// <param name="ShipDate">The date the inbound plan is created; null: the day after the window (replay) or the profiles file's <c>shipDate</c>.</param>
internal sealed record FbaPlanArguments(
    string? DataDirectory,
    LocalDate? From,
    LocalDate? To,
    int Top,
    int DaysOfCover,
    string? JsonPath,
    string? ProfilesPath,
    string? QuantitiesPath,
    string? Marketplace,
    LocalDate? ShipDate)
{
    /// <summary>Default number of SKUs.</summary>
    public const int DefaultTop = 10;

    /// <summary>Default days of cover.</summary>
    public const int DefaultDaysOfCover = 30;

    /// <summary>The usage line.</summary>
    public const string Usage =
        "usage: ordercore fba plan --data DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--top N] [--days-of-cover D] [--marketplace IN|US|UK|DE|AU] [--ship-date YYYY-MM-DD] [--json OUT]\n" +
        "       ordercore fba plan --profiles FILE --quantities FILE [--marketplace CODE] [--ship-date YYYY-MM-DD] [--json OUT]";

    /// <summary>True in profiles mode (a user's own SKU profiles and quantities).</summary>
    public bool IsProfilesMode => ProfilesPath is not null;
}

/// <summary>Parses the arguments of <c>ordercore fba plan</c>.</summary>
internal static class FbaPlanArgumentParser
{
    /// <summary>
    /// Parses <paramref name="args"/>: the words after <c>fba plan</c> (a leading <c>fba plan</c> or <c>plan</c> is skipped).
    /// Options take their value as the next word or after <c>=</c>.
    /// </summary>
    public static bool TryParse(string[] args, out FbaPlanArguments arguments, out string error)
    {
        arguments = new FbaPlanArguments(null, null, null, FbaPlanArguments.DefaultTop, FbaPlanArguments.DefaultDaysOfCover, null, null, null, null, null);
        error = string.Empty;
        if (args is null)
        {
            error = "no arguments";
            return false;
        }
        var words = new List<string>(args);
        if (words.Count > 0 && words[0] == "fba") words.RemoveAt(0);
        if (words.Count > 0 && words[0] == "plan") words.RemoveAt(0);

        string? data = null, from = null, to = null, top = null, cover = null, json = null, profiles = null, quantities = null, market = null, shipDate = null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected argument '{word}'";
                return false;
            }
            string name, value;
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                name = word[..eq];
                value = word[(eq + 1)..];
            }
            else
            {
                name = word;
                if (i + 1 >= words.Count || words[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"{name} needs a value";
                    return false;
                }
                value = words[++i];
            }
            ref string? slot = ref data;
            switch (name)
            {
                case "--data": slot = ref data; break;
                case "--from": slot = ref from; break;
                case "--to": slot = ref to; break;
                case "--top": slot = ref top; break;
                case "--days-of-cover": slot = ref cover; break;
                case "--json": slot = ref json; break;
                case "--profiles": slot = ref profiles; break;
                case "--quantities": slot = ref quantities; break;
                case "--marketplace": slot = ref market; break;
                case "--ship-date": slot = ref shipDate; break;
                default:
                    error = $"unknown option {name}";
                    return false;
            }
            if (slot is not null)
            {
                error = $"{name} is given twice";
                return false;
            }
            slot = value;
        }

        if (profiles is null != (quantities is null))
        {
            error = "--profiles and --quantities go together";
            return false;
        }
        if (profiles is not null && data is not null)
        {
            error = "give either --data (the replay seller) or --profiles with --quantities, not both";
            return false;
        }
        if (profiles is null && data is null)
        {
            error = "give --data DIR, or --profiles FILE --quantities FILE";
            return false;
        }
        if (profiles is not null && (from is not null || to is not null || top is not null || cover is not null))
        {
            error = "--from, --to, --top and --days-of-cover apply to --data only";
            return false;
        }
        if (!TryDate(from, "--from", out var fromDate, ref error) || !TryDate(to, "--to", out var toDate, ref error) || !TryDate(shipDate, "--ship-date", out var ship, ref error)) return false;
        if (fromDate is { } f && toDate is { } t && f > t)
        {
            error = $"--from {from} is after --to {to}";
            return false;
        }
        if (!TryPositive(top, "--top", FbaPlanArguments.DefaultTop, 2000, out var topN, ref error) || !TryPositive(cover, "--days-of-cover", FbaPlanArguments.DefaultDaysOfCover, 3650, out var days, ref error)) return false;
        if (market is not null && !FbaPrep.FbaMarketplaces.TryGet(market, out _))
        {
            error = $"--marketplace '{market}' is not one of {string.Join(", ", FbaPrep.FbaMarketplaces.All.Keys)}";
            return false;
        }
        arguments = new FbaPlanArguments(data, fromDate, toDate, topN, days, json, profiles, quantities, market, ship);
        return true;
    }

    private static bool TryDate(string? text, string option, out LocalDate? date, ref string error)
    {
        date = null;
        if (text is null) return true;
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        if (!result.Success)
        {
            error = $"{option} '{text}' is not a date in YYYY-MM-DD form";
            return false;
        }
        date = result.Value;
        return true;
    }

    private static bool TryPositive(string? text, string option, int fallback, int max, out int value, ref string error)
    {
        value = fallback;
        if (text is null) return true;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < 1 || value > max)
        {
            error = $"{option} '{text}' must be a whole number from 1 to {max}";
            return false;
        }
        return true;
    }
}
#endif
