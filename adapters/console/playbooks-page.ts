import { lintPlaybook } from "../../src/playbooks/lint-playbook.ts";
import type { PlaybookRegistry } from "../../src/playbooks/playbook-registry.ts";
import type { Playbook, Step } from "../../src/playbooks/playbook-schema.ts";
import { consoleLayout } from "./console-layout.ts";
import { type Html, html } from "./html.ts";

/**
 * Fields other work adds to playbooks (guide provenance `source`, `owner`, `review_by`) are read without
 * depending on their exact schema: shown when present, in words, and absent otherwise.
 */
function extra(value: unknown, key: string): unknown {
  return value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map(describe).filter(Boolean).join("; ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k} ${describe(v)}`)
      .join(", ");
  }
  return String(value);
}

function source(of: unknown): Html {
  const text = describe(extra(of, "source"));
  return text ? html` <span class="source">guide: ${text}</span>` : html``;
}

function steps(title: string, list: readonly Step[]): Html {
  if (list.length === 0) return html``;
  return html`<h4>${title}</h4><ol class="steps">${list.map(
    (s) =>
      html`<li><span class="step-id">${s.id}</span> ${s.text}${source(s)}${
        s.substeps?.length ? html`<ul>${s.substeps.map((t) => html`<li>${t}</li>`)}</ul>` : ""
      }${s.warnings?.length ? html`<ul class="warnings">${s.warnings.map((t) => html`<li>${t}</li>`)}</ul>` : ""}</li>`,
  )}</ol>`;
}

function facts(p: Playbook): Html {
  const codes = p.errorLogs?.faultCodes ?? [];
  return html`${p.background.map(
    (b) => html`<h4>${b.title}</h4>${source(b)}<ul>${b.points.map((t) => html`<li>${t}</li>`)}</ul>`,
  )}${codes.length > 0 ? html`<h4>Fault codes</h4><ul>${codes.map((c) => html`<li><code>${c.code}</code>${source(c)}</li>`)}</ul>` : ""}${p.reference.map(
    (t) =>
      html`<table><caption>${extra(t, "title") ?? "Reference"}${source(t)}</caption><thead><tr>${t.columns.map(
        (c) => html`<th scope="col">${c}</th>`,
      )}</tr></thead><tbody>${t.rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody></table>`,
  )}`;
}

function card(p: Playbook): Html {
  const problems = lintPlaybook(`${p.id}.yaml`, p);
  const owner = describe(extra(p, "owner"));
  const review = describe(extra(p, "review_by") ?? extra(p, "reviewBy"));
  return html`<li class="playbook" id="pb-${p.id}">
<details>
<summary><strong>${p.title}</strong> <code>${p.id}</code> v${p.version} · ${p.section} · ${
    problems.length === 0
      ? html`<span class="badge badge-ok">lint: no problems</span>`
      : html`<span class="badge badge-bad">lint: ${problems.length} problem${problems.length === 1 ? "" : "s"}</span>`
  }</summary>
<p>${p.summary}</p>
<dl>
<dt>Guide article</dt><dd>${p.article}${source(p)}</dd>
${owner ? html`<dt>Owner</dt><dd>${owner}</dd>` : ""}
${review ? html`<dt>Review by</dt><dd>${review}</dd>` : ""}
<dt>Trigger phrases</dt><dd>${p.triggers.phrases.join(" · ")}</dd>
${p.triggers.keywords.length > 0 ? html`<dt>Keywords</dt><dd>${p.triggers.keywords.join(", ")}</dd>` : ""}
</dl>
${problems.length > 0 ? html`<ul class="problems">${problems.map((x) => html`<li>${x.path}: ${x.message} (${x.fix})</li>`)}</ul>` : ""}
${facts(p)}
${steps("Troubleshooting", p.troubleshooting)}
${steps("Solution", p.solution)}
${p.branches.map((b) => steps(`Branch: ${b.id}`, b.steps))}
<p><a class="button" href="/console/?try=${encodeURIComponent(p.id)}">Try it in the playground</a></p>
</details>
</li>`;
}

/** Every playbook with its triggers, facts, steps, guide sources and lint status. */
export function playbooksPage(options: { csrf: string; registry: PlaybookRegistry }): string {
  const all = options.registry.all();
  const body = html`<h1>Playbooks</h1>
<p class="lead">${all.length} playbooks, each from an article of the ChargePoint Cloud Dashboard guide.</p>
<ul class="playbooks">${all.map(card)}</ul>`;
  return consoleLayout({ page: "playbooks", title: "Playbooks", csrf: options.csrf, body });
}
