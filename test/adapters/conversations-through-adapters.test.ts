import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { ConversationDriver } from "../../src/conversations/conversation-driver.ts";
import { loadConversations } from "../../src/conversations/load-conversations.ts";
import { runConversation } from "../../src/conversations/run-conversation.ts";
import { slackDriver } from "./slack/slack-conversation-driver.ts";
import { teamsDriver } from "./teams/teams-conversation-driver.ts";

const dir = fileURLToPath(new URL("../conversations/", import.meta.url));
const drivers = { slack: slackDriver, teams: teamsDriver };
const chosen = loadConversations(dir).filter((c) => c.conversation.adapters?.length);
let driver: ConversationDriver | undefined;

afterEach(async () => {
  await driver?.close();
  driver = undefined;
});

describe("scripted conversations through the real Slack and Teams adapters", () => {
  it("plays a meaningful subset: at least 10 conversations through each adapter", () => {
    for (const platform of ["slack", "teams"] as const)
      expect(chosen.filter((c) => c.conversation.adapters?.includes(platform)).length).toBeGreaterThanOrEqual(10);
  });

  for (const { file, index, conversation } of chosen) {
    for (const platform of conversation.adapters ?? []) {
      it(`${platform}: ${file.split("/").at(-1)}#${index + 1}: ${conversation.name}`, async () => {
        driver = await drivers[platform]();
        const result = await runConversation(conversation, driver);
        expect(result.failures, result.transcript.join("\n")).toEqual([]);
      });
    }
  }
});
