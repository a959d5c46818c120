import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import type { ChartData } from "../../../src/analytics/chart-data.ts";
import { getJson } from "./console-api.ts";
import { escapeHtml } from "./slack-view.ts";

// Only the pieces drawn here, so the bundle stays small (chart.js tree-shakes per controller).
Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);
// No animation: the page is read, not watched, and screenshots and tests see the final drawing.
Chart.defaults.animation = false;
Chart.defaults.font.family = "system-ui, sans-serif";

const colours = ["#4f52b2", "#237b4b", "#c4314b", "#835c00", "#0f6cbd", "#8a3ffc"];

function draw(id: string, config: ChartConfiguration): void {
  const canvas = document.getElementById(`chart-${id}`);
  if (canvas instanceof HTMLCanvasElement) new Chart(canvas, config);
}

function table(id: string, head: string[], rows: (string | number)[][]): void {
  const el = document.getElementById(id);
  if (!el) return;
  if (rows.length === 0) {
    el.innerHTML = '<p class="muted">No data yet.</p>';
    return;
  }
  el.innerHTML = `<table><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(String(c))}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

const pct = (n: number | null) => (n === null ? "–" : `${Math.round(n * 100)}%`);
const minutes = (n: number | null) =>
  n === null ? "–" : n < 120 ? `${Math.round(n)} min` : `${(n / 60).toFixed(1)} h`;

function render(data: ChartData): void {
  const questions = data.perDay.reduce((n, d) => n + d.questions, 0);
  const summary = document.getElementById("summary");
  if (summary) {
    summary.textContent = `${questions} questions over ${data.perDay.length} day(s); escalation rate ${pct(data.escalationRate.overall)}.`;
  }
  draw("per-day", {
    type: "line",
    data: {
      labels: data.perDay.map((d) => d.day),
      datasets: [{ label: "Questions", data: data.perDay.map((d) => d.questions), borderColor: colours[0] }],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  table(
    "table-per-day",
    ["Day", "Questions"],
    data.perDay.map((d) => [d.day, d.questions]),
  );

  const outcomes = [
    ["Matched", data.outcomes.matched],
    ["Did you mean", data.outcomes.didYouMean],
    ["Unmatched", data.outcomes.unmatched],
  ] as const;
  draw("outcomes", {
    type: "doughnut",
    data: {
      labels: outcomes.map(([l]) => l),
      datasets: [{ data: outcomes.map(([, n]) => n), backgroundColor: [colours[1], colours[3], colours[2]] }],
    },
  });
  table(
    "table-outcomes",
    ["Outcome", "Questions"],
    outcomes.map(([l, n]) => [l, n]),
  );

  draw("top-playbooks", {
    type: "bar",
    data: {
      labels: data.topPlaybooks.map((p) => p.playbook),
      datasets: [{ label: "Questions", data: data.topPlaybooks.map((p) => p.questions), backgroundColor: colours[0] }],
    },
    options: { indexAxis: "y", scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  table(
    "table-top-playbooks",
    ["Playbook", "Questions"],
    data.topPlaybooks.map((p) => [p.playbook, p.questions]),
  );

  const rates = data.escalationRate.byPlaybook.filter((p) => p.rate !== null);
  draw("escalation-rate", {
    type: "bar",
    data: {
      labels: rates.map((p) => p.playbook),
      datasets: [
        {
          label: "Escalation rate (%)",
          data: rates.map((p) => Math.round((p.rate ?? 0) * 100)),
          backgroundColor: colours[2],
        },
      ],
    },
    options: { indexAxis: "y", scales: { x: { beginAtZero: true, max: 100 } } },
  });
  table(
    "table-escalation-rate",
    ["Playbook", "Escalation rate"],
    rates.map((p) => [p.playbook, pct(p.rate)]),
  );

  const times = [
    ["To claim", data.timeToClaim],
    ["To resolve", data.timeToResolve],
  ] as const;
  draw("times", {
    type: "bar",
    data: {
      labels: times.map(([l]) => l),
      datasets: [
        { label: "Median minutes", data: times.map(([, d]) => d.medianMinutes ?? 0), backgroundColor: colours[4] },
      ],
    },
    options: { scales: { y: { beginAtZero: true } } },
  });
  table(
    "table-times",
    ["", "Escalations", "Median", "Mean"],
    times.map(([l, d]) => [l, d.count, minutes(d.medianMinutes), minutes(d.meanMinutes)]),
  );

  const funnels = document.getElementById("funnels");
  if (funnels) {
    funnels.innerHTML = data.funnels.length === 0 ? '<p class="muted">No walkthroughs yet.</p>' : "";
    data.funnels.forEach((f, i) => {
      const section = document.createElement("section");
      section.className = "chart";
      section.innerHTML = `<h3>${escapeHtml(f.playbook)}</h3><p>${f.started} started, ${f.completed} completed; helped: ${f.resolved} yes, ${f.notResolved} no.</p><canvas id="chart-funnel-${i}" role="img" aria-label="Step funnel of ${escapeHtml(f.playbook)}" height="200"></canvas><div id="table-funnel-${i}"></div>`;
      funnels.append(section);
      draw(`funnel-${i}`, {
        type: "bar",
        data: {
          labels: f.steps.map((s) => s.step),
          datasets: [
            { label: "Reached", data: f.steps.map((s) => s.reached), backgroundColor: colours[0] },
            { label: "Stopped here", data: f.steps.map((s) => s.stopped), backgroundColor: colours[3] },
            { label: "Escalated here", data: f.steps.map((s) => s.escalated), backgroundColor: colours[2] },
          ],
        },
        options: { aspectRatio: 4, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
      table(
        `table-funnel-${i}`,
        ["Step", "Reached", "Stopped here", "Escalated here"],
        f.steps.map((s) => [s.step, s.reached, s.stopped, s.escalated]),
      );
    });
  }
  table(
    "unmatched",
    ["Question", "Times asked", "Last asked"],
    data.unmatched.map((q) => [q.text, q.count, q.lastAt]),
  );
}

getJson<ChartData>("/console/api/analytics")
  .then(render)
  .catch((error: unknown) => {
    const summary = document.getElementById("summary");
    if (summary)
      summary.textContent = `The numbers could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
  })
  .finally(() => {
    document.body.dataset.ready = "true";
  });
