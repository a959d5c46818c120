import type { EscalationRecord, EscalationStatus } from "../../src/store/store.ts";
import { consoleLayout } from "./console-layout.ts";
import { escapeHtml, Html, html } from "./html.ts";

interface HandoffView {
  question?: string;
  trigger?: string;
  playbook?: { title?: string };
  walkthrough?: { currentStep?: string };
  stepsDone?: { text?: string }[];
  stepsSkipped?: { text?: string }[];
  inputs?: { label?: string; text?: string; verdict?: string }[];
  evidence?: { label?: string; value?: string; required?: boolean }[];
}

const groups: { title: string; statuses: EscalationStatus[] }[] = [
  { title: "Open", statuses: ["open", "need-info"] },
  { title: "Claimed", statuses: ["claimed"] },
  { title: "Resolved", statuses: ["resolved"] },
];

/** A time as people read it ("29 Nov 2026, 21:38 UTC"); anything unparsable is shown as stored. */
export function readableTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const day = at.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return `${day}, ${at.toISOString().slice(11, 16)} UTC`;
}

/**
 * Step text from a playbook: escaped, with the guide's **bold** UI names (tabs, buttons) shown bold
 * instead of as asterisks.
 */
export function stepText(text: string): Html {
  return new Html(escapeHtml(text).replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>"));
}

const platformNames: Record<string, string> = { slack: "Slack", teams: "Teams", console: "Console", cli: "Terminal" };

/** Only web links are shown as links; anything else a platform stored stays text. */
const webLink = (url: string | undefined) => (url && /^(https?:\/\/|\/console\/)/.test(url) ? url : undefined);

function threadLink(e: EscalationRecord): Html {
  const origin = webLink(e.origin.permalink);
  const handoff = webLink(e.delivery.handoffConversation?.permalink);
  const platform = platformNames[e.origin.platform] ?? e.origin.platform;
  const where = `${platform} ${e.origin.channelId}${e.origin.threadId ? `, thread ${e.origin.threadId}` : ""}`;
  return html`<dt>Thread</dt><dd>${origin ? html`<a href="${origin}">${where}</a>` : where}${
    handoff ? html` · <a href="${handoff}">handoff</a>` : ""
  }</dd>`;
}

function evidence(h: HandoffView): Html {
  const items = [
    ...(h.evidence ?? []).map(
      (e) => html`<li>${e.label}: ${e.value ?? html`<em>missing${e.required ? " (required)" : ""}</em>`}</li>`,
    ),
    ...(h.inputs ?? []).map((i) => html`<li>${i.label}: ${i.text}${i.verdict ? ` (${i.verdict})` : ""}</li>`),
  ];
  return items.length > 0 ? html`<dt>Evidence</dt><dd><ul>${items}</ul></dd>` : html``;
}

function item(e: EscalationRecord, titleOf: (id: string) => string | undefined): Html {
  const h = (e.handoff ?? {}) as HandoffView;
  const done = (h.stepsDone ?? []).map((s) => s.text ?? "");
  const skipped = (h.stepsSkipped ?? []).map((s) => s.text ?? "");
  return html`<li class="escalation" id="${e.id}">
<h3>${e.id} <span class="badge badge-${e.status}">${e.status}</span> ${h.playbook?.title ?? (e.playbook ? (titleOf(e.playbook) ?? e.playbook) : "no playbook")}</h3>
<dl>
<dt>Requested by</dt><dd>${e.requester.name ?? e.requester.id} at ${readableTime(e.createdAt)}</dd>
${e.claimedBy ? html`<dt>Claimed by</dt><dd>${e.claimedBy.name ?? e.claimedBy.id}</dd>` : ""}
${h.question ? html`<dt>Question</dt><dd>${h.question}</dd>` : ""}
${e.note ? html`<dt>Note</dt><dd>${e.note}</dd>` : ""}
${h.walkthrough?.currentStep ? html`<dt>Stopped at</dt><dd>${stepText(h.walkthrough.currentStep)}</dd>` : ""}
${done.length > 0 ? html`<dt>Steps done</dt><dd><ol>${done.map((t) => html`<li>${stepText(t)}</li>`)}</ol></dd>` : ""}
${skipped.length > 0 ? html`<dt>Steps skipped</dt><dd><ol>${skipped.map((t) => html`<li>${stepText(t)}</li>`)}</ol></dd>` : ""}
${evidence(h)}
${threadLink(e)}
<dt>History</dt><dd><ol>${e.history.map((x) => html`<li>${readableTime(x.at)}: ${x.from ?? "new"} → ${x.to} by ${x.by.name ?? x.by.id}${x.note ? ` (${x.note})` : ""}</li>`)}</ol></dd>
</dl>
</li>`;
}

/** The escalation queue, grouped open / claimed / resolved, newest first, with evidence and thread links. */
export function escalationsPage(options: {
  csrf: string;
  escalations: EscalationRecord[];
  /** A playbook's title by id, for escalations whose handoff does not carry it. */
  titleOf?: (id: string) => string | undefined;
}): string {
  const titleOf = options.titleOf ?? (() => undefined);
  const body = html`<h1>Escalations</h1>
<p class="lead">${options.escalations.length} escalation${options.escalations.length === 1 ? "" : "s"} in the store. Claim and resolve them in Slack or Teams (roles are checked there).</p>
${groups.map((g) => {
  const list = options.escalations.filter((e) => g.statuses.includes(e.status));
  return html`<section aria-labelledby="h-${g.title}">
<h2 id="h-${g.title}">${g.title} (${list.length})</h2>
${list.length > 0 ? html`<ol class="escalations">${list.map((e) => item(e, titleOf))}</ol>` : html`<p class="muted">None.</p>`}
</section>`;
})}`;
  return consoleLayout({ page: "escalations", title: "Escalations", csrf: options.csrf, body });
}
