import { randomInt } from "node:crypto";

/** Consonants only: a prefix never spells a word, and has no I/O to mistake for 1/0. */
export const prefixAlphabet = "BCDFGHJKLMNPQRSTVWXZ";
export const prefixLength = 4;

/** What a database stores once, at creation (migration 2), in its store_meta table. */
export interface EscalationIdSettings {
  /** Four letters drawn at random when the database was created, e.g. "KQTR". */
  prefix: string;
  /** Escalations up to this sequence number existed before prefixes: they keep their plain "ESC-0042". */
  plainThrough: number;
}

/**
 * Human escalation ids, "ESC-KQTR-0001": the database's own random prefix, then its sequence number. A new
 * SQLite file or an empty PostgreSQL database draws a new prefix, so it never hands out an id an old
 * database already used (issue 15, defect 4: a recreated database reused ESC-0001 and old buttons
 * acted on a different escalation). 20^4 = 160,000 prefixes: two databases share one with a chance of
 * 1 in 160,000, and even then the unguessable button reference (escalation-service.ts) refuses the press.
 * Escalations stored before prefixes existed keep their plain ids, so their posted cards still work.
 */
export class EscalationIds {
  constructor(private readonly settings: EscalationIdSettings) {}

  get prefix(): string {
    return this.settings.prefix;
  }

  format(seq: number): string {
    const number = String(seq).padStart(4, "0");
    return seq <= this.settings.plainThrough ? `ESC-${number}` : `ESC-${this.settings.prefix}-${number}`;
  }

  /**
   * The sequence number of an id of THIS database, forgiving case and missing zeros ("esc-kqtr-7");
   * undefined for anything else, an id of another database included, so it is never acted on.
   */
  parse(id: string): number | undefined {
    const match = /^ESC-(?:([A-Z]{4})-)?(\d{1,12})$/i.exec(id.trim());
    if (!match?.[2]) return undefined;
    const seq = Number(match[2]);
    const prefix = match[1]?.toUpperCase();
    if (prefix === undefined) return seq >= 1 && seq <= this.settings.plainThrough ? seq : undefined;
    return prefix === this.settings.prefix && seq > this.settings.plainThrough ? seq : undefined;
  }
}

/** A new database's prefix; crypto-random so two databases created in the same millisecond still differ. */
export function newEscalationPrefix(): string {
  return Array.from({ length: prefixLength }, () => prefixAlphabet[randomInt(prefixAlphabet.length)]).join("");
}

/** store_meta rows as read by either engine. */
export function idSettingsFromRows(rows: { key: string; value: string }[]): EscalationIdSettings {
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  return { prefix: value("escalation_prefix") ?? "", plainThrough: Number(value("plain_escalation_ids_through") ?? 0) };
}
