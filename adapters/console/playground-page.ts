import type { PlaybookRegistry } from "../../src/playbooks/playbook-registry.ts";
import { consoleLayout } from "./console-layout.ts";
import { html } from "./html.ts";

/**
 * The playground: a message box, the conversation as real cards (Teams or Slack view) and the "why this
 * playbook" panel. `tryPlaybook` (from ?try=id on the Playbooks page) is opened when the page loads.
 */
export function playgroundPage(options: { csrf: string; registry: PlaybookRegistry; tryPlaybook?: string }): string {
  const tryId = options.tryPlaybook && options.registry.get(options.tryPlaybook) ? options.tryPlaybook : undefined;
  const body = html`<h1>Playground</h1>
<p class="lead">Ask what a support agent would ask. The answer comes from the same engine as Slack and Teams, in this tab's own thread.</p>
<div class="playground"${tryId ? html` data-try="${tryId}"` : ""}>
<section class="chat" aria-labelledby="conversation-heading">
<div class="chat-head">
<h2 id="conversation-heading">Conversation</h2>
<fieldset class="views">
<legend>Show cards as</legend>
<label><input type="radio" name="view" value="teams" checked> Teams</label>
<label><input type="radio" name="view" value="slack"> Slack</label>
</fieldset>
</div>
<ol id="transcript" class="transcript" data-view="teams" aria-live="polite"></ol>
<form id="ask" class="ask" autocomplete="off">
<label for="message">Message</label>
<div class="ask-row">
<input id="message" name="message" type="text" maxlength="4000" required placeholder="e.g. station shows fault 303-RSC">
<button type="submit">Send</button>
</div>
<p id="status" class="status" role="status"></p>
</form>
<p><button type="button" id="new-thread" class="link">Start a new thread</button></p>
</section>
<aside class="why" aria-labelledby="why-heading">
<h2 id="why-heading">Why this playbook</h2>
<div id="why"><p class="muted">Send a message to see how the matcher read it.</p></div>
</aside>
</div>`;
  return consoleLayout({ page: "playground", title: "Playground", csrf: options.csrf, body, script: "playground.js" });
}
