import { type ActionPayload, type CardAction, encodeActionPayload } from "../cards/card-actions.ts";
import type { Button, CardBlock } from "../cards/card-schema.ts";

/**
 * Small constructors for card blocks, so the card builders read as a list of parts. Each returns null
 * for an empty part; the templates' `blocks` helper drops nulls, so no card shows an empty heading.
 */

type Block<T extends CardBlock["type"]> = Extract<CardBlock, { type: T }>;
type TextStyle = NonNullable<Block<"text">["style"]>;

export function header(text: string): Block<"header"> {
  return { type: "header", text: oneLine(text) };
}

export function text(value: string | undefined, style?: TextStyle): Block<"text"> | null {
  if (!value?.trim()) return null;
  return style && style !== "normal" ? { type: "text", text: value, style } : { type: "text", text: value };
}

export function context(value: string | undefined): Block<"context"> | null {
  return value?.trim() ? { type: "context", text: value } : null;
}

export function fields(entries: (readonly [string, string | undefined | null])[]): Block<"fields"> | null {
  const present = entries.flatMap(([label, value]) => (value?.trim() ? [{ label, value }] : []));
  return present.length > 0 ? { type: "fields", fields: present } : null;
}

export function list(title: string | undefined, items: readonly string[] | undefined): Block<"list"> | null {
  if (!items || items.length === 0) return null;
  return title ? { type: "list", title, items: [...items] } : { type: "list", items: [...items] };
}

export function table(title: string | undefined, columns: string[], rows: string[][]): Block<"table"> | null {
  if (rows.length === 0) return null;
  return title ? { type: "table", title, columns, rows } : { type: "table", columns, rows };
}

export function actions(buttons: (Button | null | undefined | false)[]): Block<"actions"> | null {
  const present = buttons.filter((b): b is Button => Boolean(b));
  return present.length > 0 ? { type: "actions", buttons: present } : null;
}

/** The longest query kept in a button payload; the value must stay within 2,000 characters. */
const maxPayloadQuery = 300;

export function button(label: string, action: CardAction, payload?: ActionPayload, style?: Button["style"]): Button {
  const b: Button = { action, label: oneLine(label) };
  if (payload && Object.keys(payload).length > 0) b.value = encodePayload(payload);
  if (style) b.style = style;
  return b;
}

/** Encodes a payload within 2,000 characters: a long query is only context, so it is shortened, then dropped. */
export function encodePayload(payload: ActionPayload): string {
  const { query, ...rest } = payload;
  if (query === undefined) return encodeActionPayload(rest);
  const full = encodeActionPayload({ ...rest, query });
  if (full.length <= 2000) return full;
  const short = encodeActionPayload({ ...rest, query: shorten(query, maxPayloadQuery) });
  return short.length <= 2000 ? short : encodeActionPayload(rest);
}

/** Collapses whitespace, for titles and labels that must stay on one line. */
export function oneLine(value: string): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > 0 ? flat : "(untitled)";
}

/** Shortens at a word boundary and says so with an ellipsis; used only where a full copy is kept elsewhere. */
export function shorten(value: string, max: number): string {
  const chars = Array.from(value); // by code point, so an emoji is never split in half
  if (chars.length <= max) return value;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** "87%" from a 0..1 confidence. */
export function percent(confidence: number): string {
  return `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)}%`;
}

/** Quotes what a person typed, as typed (converters escape it per platform). */
export function quoted(value: string): string {
  return `“${value}”`;
}
