import type { Card } from "../cards/card-schema.ts";
import { context, header, list, text } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";

export interface CommandHelp {
  usage: string;
  summary: string;
}

/** What the bot does and the commands it understands. */
export function helpCard(commands: CommandHelp[]): Card {
  return renderCard("help", {
    title: "cpbot help",
    header: header("cpbot help"),
    intro: text(
      "Describe a station problem in your own words, or give a fault code (e.g. `303-RSC`), a station status or an alarm name. I pick the matching playbook from the ChargePoint Cloud Dashboard guide, show why I picked it, and walk you through it step by step. Where the guide says to contact Support, I open an escalation with everything you collected.",
    ),
    commands: list(
      "Commands",
      commands.map((c) => `\`${c.usage}\`: ${c.summary}`),
    ),
    footer: context("No AI involved: every answer comes from the guide, and every match is explained."),
  });
}
