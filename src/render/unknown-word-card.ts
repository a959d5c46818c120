import { cardActions } from "../cards/card-actions.ts";
import type { Card } from "../cards/card-schema.ts";
import { actions, button, header, quoted, text } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";

/**
 * A first word that looks like a mistyped `/cp` word ("stast", "fualt 303-RSC"), while the matcher finds no
 * question in the text either: a plain "did you mean" whose buttons run the corrected words, read the
 * text as a question after all, list the words, or ask a person. Never an error: nothing went wrong.
 */
export function unknownWordCard(typed: string, near: string): Card {
  const trimmed = typed.trim();
  const [word = trimmed] = trimmed.split(/\s+/);
  const corrected = `${near}${trimmed.slice(word.length)}`;
  return renderCard("did-you-mean", {
    title: `Did you mean “${near}”?`,
    header: header(`Did you mean “${near}”?`),
    query: null,
    candidates: text(
      `I do not know the word ${quoted(word)}. Did you mean **${corrected}**? Or, if it was a question, I can read it as one.`,
    ),
    actions: actions([
      button(corrected, cardActions.run, { query: corrected }, "primary"),
      button("Read it as a question", cardActions.ask, { query: trimmed }),
      button("Help", cardActions.run, { query: "help" }),
      button("Escalate…", cardActions.escalateAsk, { query: trimmed }),
    ]),
  });
}
