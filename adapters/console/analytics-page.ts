import { consoleLayout } from "./console-layout.ts";
import { html } from "./html.ts";

const charts: { id: string; title: string; description: string }[] = [
  { id: "per-day", title: "Questions per day", description: "Questions asked each day (UTC)." },
  { id: "outcomes", title: "Matched, did you mean, unmatched", description: "How the matcher answered questions." },
  { id: "top-playbooks", title: "Top playbooks", description: "Questions answered per playbook." },
  { id: "escalation-rate", title: "Escalation rate", description: "Escalations per walkthrough, by playbook." },
  {
    id: "times",
    title: "Time to claim and resolve",
    description: "Median minutes from escalation to claim and to resolution.",
  },
];

/**
 * The analytics page is a frame: analytics.js fetches /console/api/analytics and draws the charts, each
 * canvas followed by the same numbers as a table for screen readers and for reading exact values.
 */
export function analyticsPage(options: { csrf: string }): string {
  const body = html`<h1>Analytics</h1>
<p class="lead" id="summary">Loading the numbers from the store…</p>
<div class="charts">
${charts.map(
  (c) => html`<section class="chart" aria-labelledby="h-${c.id}">
<h2 id="h-${c.id}">${c.title}</h2>
<canvas id="chart-${c.id}" role="img" aria-label="${c.description}" height="220"></canvas>
<div class="numbers" id="table-${c.id}"></div>
</section>`,
)}
</div>
<section aria-labelledby="h-funnels">
<h2 id="h-funnels">Step funnel per playbook</h2>
<p class="muted">Walkthroughs that reached each step, stopped there, or escalated there; and whether the walkthrough helped.</p>
<div id="funnels"></div>
</section>
<section aria-labelledby="h-unmatched">
<h2 id="h-unmatched">Unmatched questions</h2>
<div id="unmatched"></div>
</section>`;
  return consoleLayout({ page: "analytics", title: "Analytics", csrf: options.csrf, body, script: "analytics.js" });
}
