import { cardActions } from "../cards/card-actions.ts";
import type { Card } from "../cards/card-schema.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { actions, button, header, list } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";

type Entry = Pick<Playbook, "id" | "title" | "section" | "summary">;

function section(playbooks: Entry[], name: Entry["section"]) {
  const entries = playbooks.filter((p) => p.section === name).sort((a, b) => a.title.localeCompare(b.title));
  return {
    list: list(
      name,
      entries.map((p) => `**${p.title}** (\`${p.id}\`): ${p.summary}`),
    ),
    buttons: entries.map((p) => button(p.title, cardActions.open, { playbook: p.id })),
  };
}

/** Every playbook by section, each with a button that opens its overview. */
export function playbookListCard(playbooks: Entry[]): Card {
  const configure = section(playbooks, "Configure");
  const diagnose = section(playbooks, "Diagnose");
  return renderCard("list", {
    title: `Playbooks (${playbooks.length})`,
    header: header(`Playbooks (${playbooks.length})`),
    configure: configure.list,
    diagnose: diagnose.list,
    actions: actions([...configure.buttons, ...diagnose.buttons]),
  });
}
