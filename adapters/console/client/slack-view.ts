/**
 * A small Block Kit renderer for the console's Slack view. Pure string functions (no DOM) so the server
 * tests can run them; every piece of text is HTML-escaped before Slack's marks become tags, so a card
 * shows exactly what Slack would show and can never inject markup.
 */

type Json = Record<string, unknown>;

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c] ?? c);

/** Slack escapes only & < > in mrkdwn; undo that before escaping for HTML. */
const slackDecode = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** *bold*, _italic_, ~strike~, `code` and line breaks on text that is already HTML-escaped. */
function marks(escaped: string): string {
  return escaped
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, "$1<strong>$2</strong>")
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/g, "$1<em>$2</em>")
    .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,:;!?])/g, "$1<del>$2</del>")
    .replace(/\n/g, "<br>");
}

/** Slack mrkdwn to HTML: <url|label> links (web links only), mentions shown as plain text, the marks above. */
export function mrkdwnToHtml(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(/<([^<>]+)>/g)) {
    out += marks(escapeHtml(slackDecode(text.slice(last, m.index))));
    const [target = "", label] = (m[1] ?? "").split("|");
    if (/^(https?:|mailto:)/.test(target)) {
      out += `<a href="${escapeHtml(slackDecode(target))}" rel="noreferrer">${escapeHtml(slackDecode(label ?? target))}</a>`;
    } else {
      // <!here>, <@U123>: the console has no one to notify, so the token is shown as written.
      out += escapeHtml(slackDecode(label ?? `<${target}>`));
    }
    last = (m.index ?? 0) + m[0].length;
  }
  return out + marks(escapeHtml(slackDecode(text.slice(last))));
}

/** Bold, `code` and line breaks of the neutral card text (Adaptive Card TextBlocks use **bold**). */
export function markdownToHtml(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*\n]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\n/g, "<br>");
}

const str = (v: unknown) => (typeof v === "string" ? v : "");
const textOf = (t: unknown): string => {
  const obj = (t ?? {}) as Json;
  return obj.type === "mrkdwn" ? mrkdwnToHtml(str(obj.text)) : escapeHtml(str(obj.text)).replace(/\n/g, "<br>");
};

function button(b: Json): string {
  const style = b.style === "primary" || b.style === "danger" ? ` sk-${b.style}` : "";
  const value = typeof b.value === "string" ? ` data-value="${escapeHtml(b.value)}"` : "";
  return `<button type="button" class="sk-button${style}" data-action-id="${escapeHtml(str(b.action_id))}"${value}>${textOf(b.text)}</button>`;
}

function block(b: Json): string {
  switch (b.type) {
    case "header":
      return `<div class="sk-header">${textOf(b.text)}</div>`;
    case "divider":
      return `<hr class="sk-divider">`;
    case "section": {
      const text = b.text ? `<div class="sk-text">${textOf(b.text)}</div>` : "";
      const fields = Array.isArray(b.fields)
        ? `<div class="sk-fields">${b.fields.map((f) => `<div>${textOf(f)}</div>`).join("")}</div>`
        : "";
      return `<div class="sk-section">${text}${fields}</div>`;
    }
    case "context":
      return `<div class="sk-context">${((b.elements as Json[]) ?? []).map((e) => `<span>${textOf(e)}</span>`).join(" ")}</div>`;
    case "actions":
      return `<div class="sk-actions">${((b.elements as Json[]) ?? [])
        .filter((e) => e.type === "button")
        .map(button)
        .join("")}</div>`;
    case "input": {
      const el = (b.element ?? {}) as Json;
      const id = escapeHtml(str(el.action_id));
      const label = textOf(b.label);
      const placeholder = el.placeholder ? ` placeholder="${escapeHtml(str((el.placeholder as Json).text))}"` : "";
      const initial = escapeHtml(str(el.initial_value));
      const field = el.multiline
        ? `<textarea id="sk-${id}" data-input-id="${id}"${placeholder}>${initial}</textarea>`
        : `<input id="sk-${id}" type="text" data-input-id="${id}" value="${initial}"${placeholder}>`;
      return `<div class="sk-input"><label for="sk-${id}">${label}</label>${field}</div>`;
    }
    default:
      return `<div class="sk-unsupported">(${escapeHtml(str(b.type))} block)</div>`;
  }
}

/** One Slack message (its blocks) as HTML. Input ids are made unique per message by the caller's prefix. */
export function renderSlackBlocks(blocks: readonly unknown[], idPrefix = ""): string {
  const html = blocks.map((b) => block((b ?? {}) as Json)).join("");
  return idPrefix ? html.replace(/id="sk-/g, `id="sk-${idPrefix}-`).replace(/for="sk-/g, `for="sk-${idPrefix}-`) : html;
}

/** action_id is `${action}:${n}` (see the Slack converter); the engine's action is everything before the colon. */
export function actionOfActionId(actionId: string): string {
  const colon = actionId.lastIndexOf(":");
  return colon > 0 ? actionId.slice(0, colon) : actionId;
}
