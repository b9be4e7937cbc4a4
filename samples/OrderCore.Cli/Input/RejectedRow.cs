namespace OrderCore.Cli.Input;

/// <summary>A data row an input reader refused. The replay goes on without it.</summary>
/// <param name="File">The file name.</param>
/// <param name="Row">The row as a spreadsheet numbers it: the header is row 1, the first data row is row 2.</param>
/// <param name="Field">The column whose value is wrong.</param>
/// <param name="Reason">Why, naming the value.</param>
internal sealed record RejectedRow(string File, int Row, string Field, string Reason);
