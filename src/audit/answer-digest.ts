import { createHash } from "node:crypto";
import type { Card } from "../cards/card-schema.ts";

/**
 * The content hash of an answer: SHA-256 over the cards' JSON. Cards are built from plain objects in a
 * fixed key order, so the same answer always hashes the same, and an auditor can tell whether the card
 * someone quotes is the card cpbot sent.
 */
export function answerDigest(cards: readonly Card[]): string {
  return `sha256:${createHash("sha256").update(JSON.stringify(cards)).digest("hex")}`;
}
