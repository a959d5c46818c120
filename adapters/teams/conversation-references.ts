import type { Activity } from "botbuilder";
import { BotError } from "../../src/core/bot-error.ts";
import type { Actor } from "../../src/core/bot-event.ts";
import type { Store } from "../../src/store/store.ts";
import { splitConversationId } from "./teams-conversation.ts";

/**
 * What it takes to message a Teams conversation later (a proactive message): the regional service URL, the
 * tenant and the bot's own id, learned from the last activity there. Kept across restarts so an escalation
 * can be mirrored into its thread days later.
 */
export interface StoredReference {
  /** Bot Framework channel: "msteams", or "emulator" locally. */
  channel: string;
  serviceUrl: string;
  /** The channel or chat id, without ;messageid=. */
  conversationId: string;
  conversationType?: string;
  tenantId?: string;
  bot: { id: string; name?: string };
  /** The team's AAD group id, for deep links. */
  groupId?: string;
}

export type LatestReference = Pick<StoredReference, "channel" | "serviceUrl" | "tenantId" | "bot">;

export interface EscalationChannel {
  conversationId: string;
  setBy: Actor;
  at: string;
}

/**
 * Small documents kept in the store's session table under keys no engine session can have ("teams-ref:…"),
 * so no new store method is needed: the table already gives JSON storage with optimistic concurrency.
 */
const prefix = "teams-ref:";

export class ConversationReferences {
  constructor(private readonly store: Store) {}

  /** The same documents read and written through `store` instead: a transaction's handle. */
  in(store: Store): ConversationReferences {
    return new ConversationReferences(store);
  }

  /** Records the reference of the activity's conversation when it is new or changed. */
  async remember(activity: Activity, at: string): Promise<StoredReference | undefined> {
    if (!activity.serviceUrl || !activity.conversation?.id || !activity.recipient?.id) return undefined;
    const data = (activity.channelData ?? {}) as { tenant?: { id?: string }; team?: { aadGroupId?: string } };
    const tenantId = activity.conversation.tenantId ?? data.tenant?.id;
    const ref: StoredReference = {
      channel: activity.channelId,
      serviceUrl: activity.serviceUrl,
      conversationId: splitConversationId(activity.conversation.id).base,
      ...(activity.conversation.conversationType ? { conversationType: activity.conversation.conversationType } : {}),
      ...(tenantId ? { tenantId } : {}),
      bot: { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) },
      ...(data.team?.aadGroupId ? { groupId: data.team.aadGroupId } : {}),
    };
    const known = await this.get(ref.conversationId);
    // A later activity may lack the group id an earlier one had; keep what we learned.
    const merged = known?.groupId && !ref.groupId ? { ...ref, groupId: known.groupId } : ref;
    if (JSON.stringify(known) !== JSON.stringify(merged)) await this.put(`conv:${ref.conversationId}`, merged, at);
    // Only what is shared across conversations, so a busy tenant does not rewrite it on every message.
    const shared: LatestReference = {
      channel: ref.channel,
      serviceUrl: ref.serviceUrl,
      ...(ref.tenantId ? { tenantId: ref.tenantId } : {}),
      bot: ref.bot,
    };
    if (JSON.stringify(await this.latest()) !== JSON.stringify(shared)) await this.put("last", shared, at);
    return merged;
  }

  get(conversationId: string): Promise<StoredReference | undefined> {
    return this.read<StoredReference>(`conv:${splitConversationId(conversationId).base}`);
  }

  /** The service URL, tenant and bot id seen last: the best guess for a conversation never heard from. */
  latest(): Promise<LatestReference | undefined> {
    return this.read<LatestReference>("last");
  }

  escalationChannel(): Promise<EscalationChannel | undefined> {
    return this.read<EscalationChannel>("escalations");
  }

  setEscalationChannel(channel: EscalationChannel): Promise<void> {
    return this.put("escalations", channel, channel.at);
  }

  /** Where a thread started through an alias (e.g. the escalation channel) really is, by its root id. */
  async threadChannel(threadId: string): Promise<string | undefined> {
    return (await this.read<{ conversationId: string }>(`thread:${threadId}`))?.conversationId;
  }

  rememberThread(threadId: string, conversationId: string, at: string): Promise<void> {
    return this.put(`thread:${threadId}`, { conversationId }, at);
  }

  private async read<T>(key: string): Promise<T | undefined> {
    return (await this.store.getSession(prefix + key))?.state as T | undefined;
  }

  private async put(key: string, value: unknown, at: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.store.getSession(prefix + key);
      try {
        await this.store.saveSession(prefix + key, value, current?.revision ?? null, at);
        return;
      } catch (error) {
        // Another process wrote the same key between our read and write: read again (last writer wins).
        if (!(error instanceof BotError && error.code === "conflict") || attempt >= 3) throw error;
      }
    }
  }
}
