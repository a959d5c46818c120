import type { Store } from "../src/store/store.ts";

/**
 * Escalation ids carry their database's random prefix (ESC-KQTR-0001, src/store/escalation-ids.ts), so a
 * test names "the store's escalation number n" rather than a fixed id.
 */
export async function escId(store: Store, n: number): Promise<string> {
  const suffix = `-${String(n).padStart(4, "0")}`;
  const found = (await store.listEscalations()).find((e) => e.id.endsWith(suffix));
  if (!found) throw new Error(`the store has no escalation number ${n}`);
  return found.id;
}

/** `text` as a RegExp in which every ESC-0001 stands for that number under any database prefix. */
export function escPattern(text: string, whole = false): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ESC-(\d{4})/g, "ESC-[A-Z]{4}-$1");
  return new RegExp(whole ? `^${escaped}$` : escaped);
}
