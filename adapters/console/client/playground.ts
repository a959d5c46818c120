import * as AC from "adaptivecards";
import type { ShownCard, TurnResponse, WhyPanel } from "../console-turn.ts";
import { postJson, randomId } from "./console-api.ts";
import { actionOfActionId, escapeHtml, markdownToHtml, renderSlackBlocks } from "./slack-view.ts";
import { teamsHostConfig } from "./teams-host-config.ts";

type Press = { action: string; value?: string; inputs?: Record<string, string>; messageId: string };

const transcript = document.getElementById("transcript") as HTMLOListElement;
const form = document.getElementById("ask") as HTMLFormElement;
const input = document.getElementById("message") as HTMLInputElement;
const status = document.getElementById("status") as HTMLParagraphElement;
const why = document.getElementById("why") as HTMLDivElement;
const hostConfig = new AC.HostConfig(teamsHostConfig);

// One conversation thread per browser tab: sessionStorage is per tab and survives a reload.
function threadId(fresh = false): string {
  let id = fresh ? undefined : sessionStorage.getItem("cpbot-thread");
  if (!id) {
    id = randomId();
    sessionStorage.setItem("cpbot-thread", id);
  }
  return id;
}

// Card text is plain text with **bold** and `code`; escaped first, so it can never become markup.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdownToHtml(text);
  result.didProcess = true;
};

function adaptiveCard(json: unknown, messageId: string): HTMLElement {
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig;
  card.onExecuteAction = (action) => {
    if (!(action instanceof AC.SubmitAction)) return;
    // Teams merges the button's data with the card's input values keyed by input id; so does the SDK.
    const { action: verb, value, ...rest } = (action.data ?? {}) as Record<string, unknown>;
    if (typeof verb !== "string") return;
    const inputs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rest)) if (typeof v === "string") inputs[k] = v;
    void press({ action: verb, ...(typeof value === "string" ? { value } : {}), inputs, messageId });
  };
  card.parse(json);
  return card.render() ?? document.createElement("div");
}

function cardItem(shown: ShownCard, label?: string): HTMLLIElement {
  const li = document.createElement("li");
  li.className = "bot";
  li.dataset.messageId = shown.messageId;
  li.dataset.kind = shown.kind;
  li.dataset.title = shown.title;
  const teams = document.createElement("div");
  teams.className = "teams-view";
  for (const json of shown.adaptive) teams.append(adaptiveCard(json, shown.messageId));
  const slack = document.createElement("div");
  slack.className = "slack-view";
  slack.innerHTML = shown.slack
    .map((m, i) => `<div class="sk-message">${renderSlackBlocks(m.blocks, `${shown.messageId}-${i}`)}</div>`)
    .join("");
  if (label) {
    const note = document.createElement("p");
    note.className = "muted";
    note.textContent = label;
    li.append(note);
  }
  li.append(teams, slack);
  return li;
}

function addUser(text: string): void {
  const li = document.createElement("li");
  li.className = "user";
  li.textContent = text;
  transcript.append(li);
}

function showWhy(panel: WhyPanel | undefined): void {
  if (!panel) return;
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  const e = panel.explanation;
  const verdict: Record<WhyPanel["kind"], string> = {
    match: "Matched",
    "fault-code": "Matched by fault code",
    ambiguous: "Did you mean (too close to call)",
    "no-match": "No playbook matched",
    "unknown-fault-code": "Unknown fault code",
  };
  const rows = [
    `<p><strong>${escapeHtml(verdict[panel.kind])}</strong>${
      panel.playbook ? `: ${escapeHtml(panel.playbook.title)} <code>${escapeHtml(panel.playbook.id)}</code>` : ""
    } (confidence ${pct(panel.confidence)})</p>`,
    "<dl>",
    e.rule ? `<dt>Rule</dt><dd>${escapeHtml(e.rule)}</dd>` : "",
    e.terms.length ? `<dt>Words that counted</dt><dd>${e.terms.map(escapeHtml).join(", ")}</dd>` : "",
    e.corrections?.length
      ? `<dt>Spelling</dt><dd>${e.corrections.map((c) => `${escapeHtml(c.from)} → ${escapeHtml(c.to)}`).join(", ")}</dd>`
      : "",
    e.synonyms?.length
      ? `<dt>Read as</dt><dd>${e.synonyms.map((c) => `${escapeHtml(c.from)} → ${escapeHtml(c.to)}`).join(", ")}</dd>`
      : "",
    e.note ? `<dt>Note</dt><dd>${escapeHtml(e.note)}</dd>` : "",
    panel.alternatives.length
      ? `<dt>Alternatives</dt><dd><ol>${panel.alternatives
          .map((a) => `<li>${escapeHtml(a.title)} <code>${escapeHtml(a.id)}</code> ${pct(a.confidence)}</li>`)
          .join("")}</ol></dd>`
      : "",
    "</dl>",
  ];
  why.innerHTML = rows.join("");
}

function showReply(reply: TurnResponse, pressed?: string): void {
  if (reply.duplicate) return;
  reply.cards.forEach((card, i) => {
    const item = cardItem(card);
    const old = i === 0 && reply.mode === "replace" && pressed ? findCard(pressed) : undefined;
    if (old) old.replaceWith(item);
    else transcript.append(item);
  });
  for (const card of reply.posted) transcript.append(cardItem(card, "Posted in this thread:"));
  showWhy(reply.why);
  transcript.lastElementChild?.scrollIntoView({ block: "nearest" });
}

function findCard(messageId: string): Element | undefined {
  return [...transcript.querySelectorAll<HTMLElement>("li.bot")].find((li) => li.dataset.messageId === messageId);
}

async function send(body: Record<string, unknown>, pressed?: string): Promise<void> {
  status.textContent = "Sending…";
  form.setAttribute("aria-busy", "true");
  try {
    const reply = await postJson<TurnResponse>("/console/api/turn", {
      ...body,
      thread: threadId(),
      eventId: randomId(),
    });
    showReply(reply, pressed);
    status.textContent = "";
  } catch (error) {
    status.textContent = `Not sent: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    form.removeAttribute("aria-busy");
  }
}

function press(p: Press): Promise<void> {
  const inputs = p.inputs && Object.keys(p.inputs).length > 0 ? { inputs: p.inputs } : {};
  return send(
    {
      kind: "action",
      action: p.action,
      ...(p.value !== undefined ? { value: p.value } : {}),
      ...inputs,
      messageId: p.messageId,
    },
    p.messageId,
  );
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  addUser(text);
  void send({ kind: "message", text });
});

// Slack view buttons: the action verb is in the action_id; inputs are the message's own fields.
transcript.addEventListener("click", (event) => {
  const target = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-action-id]");
  const item = target?.closest<HTMLLIElement>("li.bot");
  if (!target || !item?.dataset.messageId) return;
  const inputs: Record<string, string> = {};
  for (const field of target.closest(".sk-message")?.querySelectorAll<HTMLInputElement>("[data-input-id]") ?? []) {
    if (field.value.trim()) inputs[field.dataset.inputId ?? ""] = field.value;
  }
  void press({
    action: actionOfActionId(target.dataset.actionId ?? ""),
    ...(target.dataset.value !== undefined ? { value: target.dataset.value } : {}),
    inputs,
    messageId: item.dataset.messageId,
  });
});

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="view"]')) {
  radio.addEventListener("change", () => {
    if (radio.checked) transcript.dataset.view = radio.value;
  });
}

document.getElementById("new-thread")?.addEventListener("click", () => {
  threadId(true);
  transcript.replaceChildren();
  why.innerHTML = '<p class="muted">Send a message to see how the matcher read it.</p>';
  input.focus();
});

const tryId = document.querySelector<HTMLElement>(".playground")?.dataset.try;
if (tryId) {
  addUser(`/cp open ${tryId}`);
  void send({ kind: "message", text: `/cp open ${tryId}` });
}
document.body.dataset.ready = "true";
