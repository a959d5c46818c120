/**
 * Masks what identifies a person or a secret in a stored question before it leaves the database in a
 * suggestion, a transcript export or the audit log: e-mail addresses, phone numbers, mentions, pasted
 * tokens, long numbers (card, account and serial numbers) and MAC addresses. Each becomes a bracketed
 * placeholder that says what was there, so a masked transcript still reads naturally.
 */
const rules: [RegExp, string][] = [
  // Tokens first: they contain digits and hyphens that the later rules would only partly cover.
  [/\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]{6,}/g, "[token]"],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, "[token]"],
  [/\bBearer\s+[A-Za-z0-9._~+/-]{12,}=*/gi, "Bearer [token]"],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, "[email]"],
  [/<(?:@|!subteam\^)[A-Z0-9]+(?:\|[^>]*)?>/g, "[person]"],
  [/<at>[^<]*<\/at>/gi, "[person]"],
  [/\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b/g, "[mac]"],
  [/\b[0-9A-Fa-f]{4}(?::[0-9A-Fa-f]{4}){3}\b/g, "[mac]"],
  [/(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g, "[phone]"],
  [/\b\d{7,}\b/g, "[number]"],
];

export function maskPersonalData(text: string): string {
  return rules.reduce((t, [pattern, placeholder]) => t.replace(pattern, placeholder), text);
}
