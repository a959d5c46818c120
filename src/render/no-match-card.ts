import { cardActions } from "../cards/card-actions.ts";
import type { Card } from "../cards/card-schema.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { actions, button, header, quoted, text } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";

type Topic = Pick<Playbook, "id" | "title">;

/** At most this many suggestions: a no-match card offers a way on, not the whole list (Browse all does). */
const maxSuggestions = 3;

/**
 * Nothing fits: say so plainly, offer the closest playbooks as buttons, the whole list, and a person.
 * "Escalate…" asks what is wrong before filing, because the question here may be "thanks" or gibberish.
 */
export function noMatchCard(query: string, closest: readonly Topic[], options: { why?: string } = {}): Card {
  const suggestions = closest.slice(0, maxSuggestions);
  return renderCard("no-match", {
    title: "I have no playbook for that",
    header: header("I have no playbook for that"),
    message: text(
      [
        `None of my playbooks fits ${quoted(query)}.`,
        options.why,
        "Try the fault code (e.g. 303-RSC), the station status or the alarm name.",
      ]
        .filter(Boolean)
        .join(" "),
    ),
    closest: suggestions.length > 0 ? text("The closest I have, in case one is what you meant:") : null,
    actions: actions([
      ...suggestions.map((p) => button(p.title, cardActions.open, { playbook: p.id, query })),
      button("Browse all", cardActions.browse),
      button("Escalate…", cardActions.escalateAsk, { query }),
    ]),
  });
}
