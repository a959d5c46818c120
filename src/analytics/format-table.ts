/**
 * Plain-text columns for terminals and Slack code blocks: left-aligned text, right-aligned numbers,
 * two spaces between columns. Cells are single-line; long question texts are cut with "…".
 */
export function formatTable(headers: string[], rows: string[][], options: { maxWidth?: number } = {}): string {
  const max = options.maxWidth ?? 60;
  const cut = (cell: string) => {
    const flat = cell.replace(/\s+/g, " ");
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  };
  const body = rows.map((r) => r.map(cut));
  const numeric = headers.map((_, i) => body.length > 0 && body.every((r) => /^[\d.,%×—-]*$/.test(r[i] ?? "")));
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

/** "67%" for 0.667, "—" when there was nothing to divide by. */
export function percent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}
