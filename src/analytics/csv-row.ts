/**
 * One CSV line (RFC 4180): a field is quoted when it holds a comma, quote, CR or LF, or starts or ends
 * with a space; quotes inside are doubled. Lines end in CRLF, as the RFC and Excel expect.
 */
export function csvRow(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // A leading =, +, - or @ makes spreadsheets run the cell as a formula; questions are user-typed text.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
