import { expect } from "vitest";
import { adaptiveCardValidator } from "../adaptive-card-schema.ts";
import { type ConnectorCall, FakeConnector } from "./fake-connector.ts";

const validate = adaptiveCardValidator();

/**
 * Every card cpbot sent is an Adaptive Card 1.5 the official schema accepts, and every message stays
 * under Teams' 40 KB limit (counted in UTF-16 as Teams does).
 */
export function expectValidTeamsCards(calls: ConnectorCall[]): void {
  for (const call of calls) {
    const activity = (call.body.activity ?? call.body) as { attachments?: { contentType: string }[] };
    for (const attachment of activity.attachments ?? []) {
      expect(attachment.contentType).toBe("application/vnd.microsoft.card.adaptive");
    }
    for (const card of FakeConnector.cardsOf(call)) {
      expect(card.version).toBe("1.5");
      const valid = validate(card);
      expect(valid ? [] : validate.errors).toEqual([]);
    }
    expect(Buffer.byteLength(JSON.stringify(call.body), "utf16le")).toBeLessThanOrEqual(40 * 1024);
  }
}
