import type { Activity } from "botbuilder";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { blockActionToEvent } from "../../adapters/slack/block-action-to-event.ts";
import { cardToBlockKit } from "../../adapters/slack/card-to-block-kit.ts";
import { checkBlockKitLimits } from "../../adapters/slack/check-block-kit-limits.ts";
import { commandToEvent } from "../../adapters/slack/command-to-event.ts";
import { messageToEvent } from "../../adapters/slack/message-to-event.ts";
import { activityToBotEvent } from "../../adapters/teams/activity-to-bot-event.ts";
import { BotError } from "../../src/core/bot-error.ts";
import { cleanUserText, maxUserTextChars } from "../../src/core/clean-user-text.ts";
import { commandContext } from "../../src/engine/command-context.ts";
import { parseCommand } from "../../src/engine/command-parser.ts";
import { Harness, registry } from "../engine/engine-harness.ts";

// Text people type, weighted towards what breaks things: mentions, markup, control characters, tokens.
const hostile = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc
    .array(
      fc.constantFrom(
        "<!here>",
        "<!channel>",
        "<!everyone>",
        "<@U0123ABCD>",
        "<!subteam^S1>",
        "&lt;!here&gt;",
        "\u0000",
        "\u001b[2J",
        "\u202e",
        "xoxb-1-2-abc",
        "eyJa.eyJb.c",
        "Bearer abc",
        "fault 303-RSC",
        "escalate",
        "stats",
        "share",
        " ",
        "\n",
        "*",
        "`",
        "{",
        '"',
        "🔌",
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join("")),
);

const liveMention = /<!(?:here|channel|everyone|subteam\^)|<@[UW][A-Z0-9]+>/;
const ctx = commandContext(registry);

describe("parsers of user text (property-based)", () => {
  it("cleanUserText never leaves a control character or a token, and never exceeds the limit", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: "binary", minLength: 5000, maxLength: 7000 })), (text) => {
        const clean = cleanUserText(text).text;
        expect(clean).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
        expect(clean).not.toMatch(/\bxox[abposr]-[A-Za-z0-9]/);
        expect(clean.length).toBeLessThanOrEqual(maxUserTextChars);
      }),
      { numRuns: 300 },
    );
  });

  it("parseCommand either parses or throws a BotError for the person, never anything else", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        try {
          parseCommand(text, ctx);
        } catch (error) {
          expect(error).toBeInstanceOf(BotError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("Slack and Teams payload translators (property-based)", () => {
  it("a Slack message event never throws", () => {
    fc.assert(
      fc.property(hostile, fc.option(fc.string({ maxLength: 20 })), (text, thread) => {
        const event = messageToEvent(
          {
            type: "message",
            channel: "C1",
            user: "U1",
            text,
            ts: "1700000000.000100",
            ...(thread ? { thread_ts: thread } : {}),
          },
          "UCPBOT",
        );
        expect(typeof event.text).toBe("string");
      }),
      { numRuns: 200 },
    );
  });

  it("a slash command never throws", () => {
    fc.assert(
      fc.property(hostile, fc.string({ maxLength: 30 }), (text, channel) => {
        const command = {
          text,
          channel_id: channel || "C1",
          user_id: "U1",
          user_name: "ann",
          trigger_id: "t1",
          command: "/cp",
          response_url: "https://hooks.slack.example/x",
          team_id: "T1",
        } as unknown as Parameters<typeof commandToEvent>[0];
        expect(commandToEvent(command).kind).toBe("command");
      }),
      { numRuns: 200 },
    );
  });

  it("a block action (button with arbitrary value and typed inputs) never throws", () => {
    fc.assert(
      fc.property(hostile, hostile, fc.boolean(), (value, typed, ephemeral) => {
        const body = {
          type: "block_actions",
          user: { id: "U1", username: "ann", name: "ann", team_id: "T1" },
          container: { type: "message", channel_id: "C1", message_ts: "1.1", is_ephemeral: ephemeral },
          channel: { id: "C1", name: "x" },
          ...(ephemeral ? {} : { message: { ts: "1.1", text: "", blocks: [] } }),
          state: { values: { answer: { answer: { type: "plain_text_input", value: typed } } } },
          actions: [],
          trigger_id: "t",
          response_url: "https://hooks.slack.example/x",
        } as unknown as Parameters<typeof blockActionToEvent>[0];
        const action = {
          type: "button",
          action_id: "walk.done:0",
          value,
          block_id: "b",
          text: { type: "plain_text", text: "Done" },
          action_ts: "1",
        } as unknown as Parameters<typeof blockActionToEvent>[1];
        blockActionToEvent(body, action);
      }),
      { numRuns: 200 },
    );
  });

  it("a Teams activity (message or Action.Submit with arbitrary data) never throws", () => {
    fc.assert(
      fc.property(
        hostile,
        fc.option(fc.dictionary(fc.string({ maxLength: 10 }), hostile, { maxKeys: 4 })),
        (text, value) => {
          const activity = {
            type: "message",
            id: "1",
            text,
            ...(value ? { value } : {}),
            from: { id: "29:1", aadObjectId: "aad-1", name: "Ann" },
            recipient: { id: "28:bot", name: "cpbot" },
            conversation: { id: "19:x@thread.tacv2;messageid=1", conversationType: "channel" },
            channelId: "msteams",
            serviceUrl: "https://smba.trafficmanager.net/teams/",
          } as unknown as Activity;
          activityToBotEvent(activity);
        },
      ),
      { numRuns: 200 },
    );
  });
});

const h = new Harness();
afterAll(() => h.close());

describe("the engine on arbitrary text (property-based)", () => {
  it("always answers with cards that fit Block Kit's limits and never carry a live mention from the text", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const reply = await h.say(text, { thread: `P${++n}` });
        for (const card of reply.cards) {
          for (const message of cardToBlockKit(card)) {
            expect(checkBlockKitLimits(message)).toEqual([]);
            // Button values are data Slack hands back, never shown or parsed for mentions.
            const shown = JSON.stringify(message, (key, v) => (key === "value" ? undefined : v));
            expect(shown).not.toMatch(liveMention);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
