import { noMatchCard } from "../render/no-match-card.ts";
import { record, type Turn, type TurnReply } from "./turn.ts";

/**
 * A reply in a thread that the matcher cannot place by itself and that is no topic of its own ("ok done that
 * one. now the other site, legacy CT4K. same steps?"): read alone it has too few of any article's words, but
 * in a thread about an article it is most likely a follow-up on that article. Answered with the honest
 * no-match card, the thread's own playbook offered first, and the thread's topic kept: a no-match here must
 * not make the thread forget what it is about. A reply the matcher places, or calls out of scope (another
 * maker's charger, the office Wi-Fi), is a new question and is left to the caller.
 */
export function followUpOnTopic(turn: Turn, text: string, topic: string): TurnReply | undefined {
  const { matcher, registry } = turn.deps;
  const playbook = registry.get(topic);
  if (!playbook) return undefined;
  const result = matcher.match(text);
  // "unrelated" is the matcher finding too little of anything, which is what a follow-up looks like alone.
  const outOfScope = result.outOfScopeKind !== undefined && result.outOfScopeKind !== "unrelated";
  if (result.kind !== "no-match" || outOfScope) return undefined;
  // Stored like any abstention, so playbook authors still see the words nothing matched.
  record(turn, "abstain", { text, confidence: result.confidence, data: { threadTopic: topic } });
  const others = (result.closest ?? []).flatMap((c) => {
    const p = c.playbook === topic ? undefined : registry.get(c.playbook);
    return p ? [p] : [];
  });
  const why = `This thread is about ${playbook.title}: if your message is about the same thing, its button opens it again.`;
  return { cards: [noMatchCard(text, [playbook, ...others], { why })] };
}
