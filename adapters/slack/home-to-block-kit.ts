import type { types } from "@slack/bolt";
import type { HomeItem, HomeModel } from "../../src/render/home-model.ts";
import { slackLimits } from "./block-kit-blocks.ts";
import { escapeSlack, fitLabel, toPlain } from "./slack-text.ts";

/** Slack's Home tab holds at most 100 blocks (docs.slack.dev/reference/block-kit/blocks). */
export const homeBlockLimit = 100;

/** Only plain web links become Slack links; anything with Slack's control characters stays text. */
const safeUrl = /^https:\/\/[^\s<>|]+$/;

function itemLine(item: HomeItem): string {
  const label = escapeSlack(item.text);
  const main = item.link && safeUrl.test(item.link) ? `<${item.link}|${label}>` : label;
  return item.detail ? `• ${main}\n      ${escapeSlack(item.detail)}` : `• ${main}`;
}

/** Lines packed into as few sections as fit Slack's 3,000 characters each. */
function packed(lines: string[]): string[] {
  const texts: string[] = [];
  for (const line of lines) {
    const last = texts.at(-1);
    const fitted = line.length > slackLimits.sectionText ? `${line.slice(0, slackLimits.sectionText - 1)}…` : line;
    if (last !== undefined && last.length + 1 + fitted.length <= slackLimits.sectionText)
      texts[texts.length - 1] = `${last}\n${fitted}`;
    else texts.push(fitted);
  }
  return texts;
}

/**
 * The home model as a Slack Home view (views.publish). Each section is a header and its items packed into
 * mrkdwn sections, so even long lists stay far below the 100-block limit; user-given text is escaped, so a
 * subject such as "<!channel>" shows as text and pings nobody.
 */
export function homeToBlockKit(home: HomeModel): types.HomeView {
  const blocks: types.KnownBlock[] = [];
  for (const [i, section] of home.sections.entries()) {
    if (i > 0) blocks.push({ type: "divider" });
    blocks.push({
      type: "header",
      text: { type: "plain_text", text: fitLabel(section.heading, slackLimits.headerText, toPlain) },
    });
    if (section.items.length === 0 && section.empty) {
      blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeSlack(section.empty) }] });
      continue;
    }
    for (const text of packed(section.items.map(itemLine)))
      blocks.push({ type: "section", text: { type: "mrkdwn", text } });
  }
  if (blocks.length > homeBlockLimit) {
    blocks.length = homeBlockLimit - 1;
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: "More than fits here; ask in a channel or DM." }],
    });
  }
  return { type: "home", blocks };
}
