import { cardActions } from "../cards/card-actions.ts";
import type { Card } from "../cards/card-schema.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { actions, button, header, list, quoted, text } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";

type Topic = Pick<Playbook, "id" | "title" | "section">;

const titlesIn = (playbooks: Topic[], section: Topic["section"]) =>
  playbooks
    .filter((p) => p.section === section)
    .map((p) => p.title)
    .sort((a, b) => a.localeCompare(b));

/** Nothing fits: say so plainly, show what the bot does know, and offer a human. */
export function noMatchCard(query: string, playbooks: Topic[]): Card {
  return renderCard("no-match", {
    title: "I have no playbook for that",
    header: header("I have no playbook for that"),
    message: text(
      `None of my playbooks fits ${quoted(query)}. Try the fault code (e.g. \`303-RSC\`), the station status or the alarm name, or escalate to Support.`,
    ),
    configure: list("Configure", titlesIn(playbooks, "Configure")),
    diagnose: list("Diagnose", titlesIn(playbooks, "Diagnose")),
    actions: actions([button("Escalate to Support", cardActions.escalate, { query }, "primary")]),
  });
}
