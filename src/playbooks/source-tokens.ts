/**
 * The parts of a sentence that must be the guide's own: numbers, fault codes, quoted status strings and
 * bold UI names. `cpbot lint` looks each one up in the item's source lines.
 */
export function sourceTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const m of text.matchAll(/\*\*([^*]+)\*\*/g)) for (const part of boldParts(m[1]!)) tokens.add(part);
  for (const m of text.matchAll(/"([^"]{2,80})"/g)) tokens.add(m[1]!.trim());
  for (const m of text.matchAll(/\b\d{3}-[A-Z]{2,4}\b/g)) tokens.add(m[0]);
  // Numbers as written, without the ones inside codes or versions already taken whole.
  for (const m of text.replace(/\b\d{3}-[A-Z]{2,4}\b/g, " ").matchAll(/-?\d+(?:\.\d+)*/g)) tokens.add(m[0]);
  return [...tokens].filter((t) => /[\p{L}\p{N}]/u.test(t));
}

// "**Reports > Logs > OTAng Logs**" is three UI names; "**Make/Model**" is one as the guide writes it.
function boldParts(bold: string): string[] {
  return bold
    .split(/\s+>\s+/)
    .map((p) => p.replace(/[:.,]+$/, "").trim())
    .filter(Boolean);
}

/** Case, markup and spacing differences do not count: "**Status/Actions**" matches "Status/Actions". */
export function normaliseForSource(text: string): string {
  return text
    .replace(/\*\*|\\\$/g, "")
    .replace(/\\/g, "")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

export function missingTokens(text: string, sourceText: string): string[] {
  const haystack = normaliseForSource(sourceText);
  return sourceTokens(text).filter((t) => !haystack.includes(normaliseForSource(t)));
}
