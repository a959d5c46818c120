import { cardActions } from "../cards/card-actions.ts";
import type { Card } from "../cards/card-schema.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { actions, button, context, header, list, percent, quoted } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";

export interface Candidate {
  playbook: Pick<Playbook, "id" | "title" | "summary">;
  /** 0..1 */
  confidence: number;
}

/**
 * Several playbooks fit about equally well, or one fits on weak evidence: offer each as a button, plus
 * "None of these".
 */
export function didYouMeanCard(query: string, candidates: Candidate[]): Card {
  const title = candidates.length === 1 ? "Did you mean this?" : "Did you mean one of these?";
  return renderCard("did-you-mean", {
    title,
    header: header(title),
    query: context(`You asked ${quoted(query)}`),
    candidates: list(
      undefined,
      candidates.map((c) => `**${c.playbook.title}** (${percent(c.confidence)}): ${c.playbook.summary}`),
    ),
    actions: actions([
      ...candidates.map((c) => button(c.playbook.title, cardActions.open, { playbook: c.playbook.id, query })),
      button("None of these", cardActions.noneOfThese, { query }),
      button("Escalate…", cardActions.escalateAsk, { query }),
    ]),
  });
}
