import type { types } from "@slack/bolt";

// Frozen block arrays (the Block Kit of a shared card) and their JSON, made once per array.
const kept = new WeakMap<readonly types.KnownBlock[], string>();

/**
 * The `blocks` argument of a Web API call (chat.postMessage, chat.postEphemeral, chat.update) as the JSON
 * text the WebClient would send for it anyway: it form-encodes every argument that is not a string, number
 * or boolean as `JSON.stringify(value)` and sends a string as it is, so Slack receives the same bytes.
 * Given as text, the WebClient neither serialises the blocks again nor walks them to build its debug lines
 * (it builds `JSON.stringify(redact(body))` whatever the log level, copying every block recursively): for a
 * mention's answer that walk and its garbage cost more than the post's own encoding. The JSON of a frozen
 * array (a shared card's messages) is made once and reused by every reply.
 */
export function webApiBlocks(blocks: readonly types.KnownBlock[]): types.KnownBlock[] {
  let json = Object.isFrozen(blocks) ? kept.get(blocks) : undefined;
  if (json === undefined) {
    json = JSON.stringify(blocks);
    if (Object.isFrozen(blocks)) kept.set(blocks, json);
  }
  // The WebClient's argument types only know the array form; the wire format is the same text.
  return json as unknown as types.KnownBlock[];
}
