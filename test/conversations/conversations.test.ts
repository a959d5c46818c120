import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { ConversationDriver } from "../../src/conversations/conversation-driver.ts";
import type { Conversation } from "../../src/conversations/conversation-schema.ts";
import { engineDriver } from "../../src/conversations/engine-driver.ts";
import { loadConversations } from "../../src/conversations/load-conversations.ts";
import { runConversation } from "../../src/conversations/run-conversation.ts";
import { createMatcher } from "../../src/matcher/create-matcher.ts";
import { loadRegistry } from "../../src/playbooks/playbook-registry.ts";

const registry = loadRegistry();
const matcher = createMatcher(registry.all());
const dir = fileURLToPath(new URL(".", import.meta.url));
let driver: ConversationDriver | undefined;

afterEach(() => driver?.close());

function run(conversation: Conversation) {
  driver = engineDriver({ registry, matcher, platform: conversation.platform });
  return runConversation(conversation, driver);
}

describe("scripted conversations (test/conversations/*.yaml) on the engine", () => {
  for (const { file, index, conversation } of loadConversations(dir)) {
    it(`${file.split("/").at(-1)}#${index + 1}: ${conversation.name}`, async () => {
      const result = await run(conversation);
      // The failures and the transcript are the message a reader needs when this fails.
      expect(result.failures, result.transcript.join("\n")).toEqual([]);
      expect(result.passed).toBe(true);
    });
  }
});
