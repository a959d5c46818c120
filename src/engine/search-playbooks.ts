import type { Card, CardBlock } from "../cards/card-schema.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { context } from "../render/card-blocks.ts";
import { overviewCard } from "../render/overview-card.ts";
import type { EngineDeps } from "./engine-deps.ts";

/** One search result: what a search box lists (title, a line) and the card a person may insert. */
export interface PlaybookHit {
  id: string;
  title: string;
  /** One line under the title: the fault code searched for, or the playbook's summary. */
  subtitle: string;
  /** The overview to insert into a message; it has no buttons that would need cpbot in the conversation. */
  card: Card;
}

/** Teams lists at most 25 results per page of a search command. */
export const maxHits = 25;

/**
 * Searches playbooks and fault codes for a compose box (Teams message extension): a fault code first, then
 * the matcher's pick and its close runners-up, then titles and ids that contain the words. An empty query
 * lists every playbook. Pure reads; nothing is stored.
 */
export function searchPlaybooks(
  deps: Pick<EngineDeps, "registry" | "matcher">,
  query: string,
  limit = maxHits,
): PlaybookHit[] {
  const q = query.trim();
  const { registry } = deps;
  const found = new Map<string, string>();
  const add = (playbook: Playbook | undefined, subtitle: string = playbook?.summary ?? "") => {
    if (playbook && !found.has(playbook.id)) found.set(playbook.id, subtitle);
  };
  if (!q) for (const p of registry.all()) add(p);
  const code = q ? registry.byFaultCode(q) : undefined;
  if (code) add(code.playbook, `Fault code ${code.code}: ${code.name}`);
  if (q) {
    const match = deps.matcher.match(q);
    if (match.kind !== "no-match" && match.playbook) add(registry.get(match.playbook));
    for (const alt of match.alternatives) add(registry.get(alt.playbook));
    const words = q.toLowerCase().split(/\s+/);
    for (const p of registry.all()) {
      const name = `${p.title} ${p.id}`.toLowerCase();
      if (words.every((w) => name.includes(w))) add(p);
    }
  }
  return [...found].slice(0, limit).flatMap(([id, subtitle]) => {
    const playbook = registry.get(id);
    return playbook ? [{ id, title: playbook.title, subtitle, card: insertable(playbook) }] : [];
  });
}

/**
 * The overview without the buttons that need cpbot to answer them (a card inserted into a chat is sent by
 * the person, where cpbot may not be); folding the steps works without cpbot, so that button stays.
 */
function insertable(playbook: Playbook): Card {
  const card = overviewCard(playbook);
  const blocks = card.blocks.flatMap((b): CardBlock[] => {
    if (b.type !== "actions") return [b];
    const local = b.buttons.filter((x) => x.toggles);
    return local.length > 0 ? [{ ...b, buttons: local }] : [];
  });
  const hint = context(`To walk through it step by step, mention @cpbot in a thread with: open ${playbook.id}`);
  return { ...card, blocks: hint ? [...blocks, hint] : blocks };
}
