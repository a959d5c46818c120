import { isSharedCard, perSharedCard } from "../cards/frozen-card.ts";
import type { EngineReply } from "../core/transport.ts";
import { type ReplyBody, replyBody } from "../store/reply-body.ts";

/** What a queued reply may hold for its body to be kept: anything else is serialised by the store each time. */
const keptFields = new Set(["cards", "mode", "visibility", "privately"]);

/** Per shared card, its bodies by mode, visibility and privacy (a card is answered in few ways). */
const bodiesOf = perSharedCard(() => new Map<string, ReplyBody>());

/**
 * The stored body (JSON and SHA-256) of a reply of one shared card, made once per way it is sent and kept
 * with the card: the thousandth `/cp fault 303-RSC` neither serialises nor hashes its 5 KB again. Undefined
 * for any other reply; the store then makes the body itself. A later reply equal to the first but built
 * with its keys in another order gets the first one's text, which reads back as the same reply.
 */
export function storedReplyBody(
  reply: Pick<EngineReply, "cards" | "mode" | "visibility" | "privately">,
): ReplyBody | undefined {
  const [only] = reply.cards;
  if (!only || reply.cards.length !== 1 || !isSharedCard(only)) return undefined;
  for (const key of Object.keys(reply)) if (!keptFields.has(key)) return undefined;
  const bodies = bodiesOf(only);
  const way = `${reply.mode}|${reply.visibility}|${reply.privately === undefined ? "" : String(reply.privately)}`;
  let body = bodies.get(way);
  if (!body) {
    body = replyBody(reply);
    bodies.set(way, body);
  }
  return body;
}
