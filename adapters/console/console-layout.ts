import { type Html, html } from "./html.ts";

export type ConsolePage = "playground" | "playbooks" | "analytics" | "escalations";

const nav: { page: ConsolePage; href: string; label: string }[] = [
  { page: "playground", href: "/console/", label: "Playground" },
  { page: "playbooks", href: "/console/playbooks", label: "Playbooks" },
  { page: "analytics", href: "/console/analytics", label: "Analytics" },
  { page: "escalations", href: "/console/escalations", label: "Escalations" },
];

/**
 * The frame every console page shares. No inline script or style (the CSP forbids both): behaviour comes
 * from the page's one module, and the CSRF token travels in a meta tag the module reads.
 */
export function consoleLayout(options: {
  page: ConsolePage;
  title: string;
  csrf: string;
  body: Html;
  script?: string;
}): string {
  const { page, title, csrf, body, script } = options;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${csrf}">
<title>${title} · cpbot console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/assets/console.css">
${script ? html`<script type="module" src="/console/assets/${script}"></script>` : ""}
</head>
<body>
<header class="top">
<span class="brand">cpbot console</span>
<nav aria-label="Console">
<ul>${nav.map(
    (n) => html`<li><a href="${n.href}"${n.page === page ? html` aria-current="page"` : ""}>${n.label}</a></li>`,
  )}</ul>
</nav>
</header>
<main id="main">
${body}
</main>
</body>
</html>
`.value;
}
