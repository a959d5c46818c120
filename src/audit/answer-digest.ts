import { createHash } from "node:crypto";
import type { Card } from "../cards/card-schema.ts";
import { perSharedCard } from "../cards/frozen-card.ts";

/** A card's JSON; a shared (frozen) card's is kept, since its content cannot change. */
const cardJson = perSharedCard((card) => JSON.stringify(card));

/**
 * The content hash of an answer: SHA-256 over the cards' JSON. Cards are built from plain objects in a
 * fixed key order, so the same answer always hashes the same, and an auditor can tell whether the card
 * someone quotes is the card cpbot sent. The text hashed is exactly `JSON.stringify(cards)`: an array's
 * JSON is its items' JSON between brackets, joined by commas.
 */
export function answerDigest(cards: readonly Card[]): string {
  const [only] = cards;
  if (only && cards.length === 1) return oneCardDigest(only);
  return sha256(`[${cards.map(cardJson).join(",")}]`);
}

/** Most answers are one card; a shared one's digest is the same every time it is sent. */
const oneCardDigest = perSharedCard((card) => sha256(`[${cardJson(card)}]`));

function sha256(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}
