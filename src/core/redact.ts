// Token shapes that must never reach a log, wherever they hide in a string (an error message echoing a
// request, a URL with a token in its query).
const secretPatterns: RegExp[] = [
  /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\b(?:eyJ[A-Za-z0-9_-]+)\.(?:eyJ[A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+/g,
];
// Keys whose values are secrets whatever they look like (tokens, passwords, the Slack signing secret,
// Authorization and Cookie headers, Teams' MicrosoftAppPassword, a database URL's password).
const secretKey = /pass(?:word|wd)?|secret|token|authori[sz]ation|cookie|api[-_]?key|credential|signing/i;

export const redacted = "[redacted]";

export function redactString(text: string): string {
  let out = text;
  for (const pattern of secretPatterns) out = out.replace(pattern, redacted);
  return out;
}

/**
 * A copy of `value` with secrets replaced. Errors become plain objects (name, message, code, stack and
 * their `cause`, recursively) so their text is redacted too and the cause of a failure is never lost.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactString(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 8) return "[deep]";
  if (value instanceof Error) {
    const { code, cause } = value as { code?: unknown; cause?: unknown };
    return redact(
      {
        name: value.name,
        message: value.message,
        ...(code === undefined ? {} : { code }),
        stack: value.stack,
        ...(cause === undefined ? {} : { cause }),
      },
      depth + 1,
    );
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = secretKey.test(key) && v !== undefined && v !== null && v !== "" ? redacted : redact(v, depth + 1);
  }
  return out;
}
