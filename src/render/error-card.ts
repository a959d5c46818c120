import type { Card } from "../cards/card-schema.ts";
import { context, header, text } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";

/** Drops stack frames ("    at fn (file:1:2)") so a message built from an Error never shows one. */
export function withoutStackTrace(message: string): string {
  const kept = message.split("\n").filter((line) => !/^\s*at\s+\S.*(\(.*\)|:\d+:\d+)\s*$/.test(line));
  return kept.join("\n").trim() || "Something went wrong.";
}

/** A clear message the person can act on, and the error code for whoever investigates. */
export function errorCard(message: string, code?: string): Card {
  return renderCard("error", {
    title: "Something went wrong",
    header: header("Something went wrong"),
    message: text(withoutStackTrace(message), "error"),
    code: code ? context(`Error code: \`${code}\``) : null,
  });
}
