import nock from "nock";

export interface ConnectorCall {
  method: "POST" | "PUT";
  /** Decoded conversation id from the path ("" for createConversation). */
  conversationId: string;
  /** The activity id in the path: the message replied to (POST) or updated (PUT). */
  activityId?: string;
  body: Record<string, unknown>;
  authorization?: string;
  /** The HTTP status answered. */
  status?: number;
  /** The id Teams gave the new message (POST) or the updated one (PUT). */
  messageId?: string;
}

export interface ForcedFailure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Only calls this returns true for fail; default every call. */
  when?: (call: ConnectorCall) => boolean;
}

const pathPattern = /^\/amer\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?$/;

/**
 * The Bot Connector of Teams' regional service URL, as nock interceptors: records every call and answers
 * the way Teams does (createConversation returns "<channel>;messageid=<root>" and the root's id). Queue
 * `failures` to answer the next matching calls with an error status instead.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  readonly failures: ForcedFailure[] = [];
  private seq = 1741079000000;

  private readonly interceptors: nock.Interceptor[];

  constructor(readonly origin = "https://smba.trafficmanager.net") {
    const self = this;
    const reply = (method: "POST" | "PUT") =>
      function (this: nock.ReplyFnContext, uri: string, body: nock.Body): nock.ReplyFnResult {
        return self.answer(method, uri, body, this.req.headers.authorization);
      };
    const scope = nock(origin).persist();
    this.interceptors = [scope.post(pathPattern), scope.put(pathPattern)];
    this.interceptors[0]?.reply(reply("POST"));
    this.interceptors[1]?.reply(reply("PUT"));
  }

  /** Removes this connector's interceptors, so the next test's connector sees its own calls. */
  dispose(): void {
    for (const interceptor of this.interceptors) nock.removeInterceptor(interceptor);
  }

  private answer(method: "POST" | "PUT", uri: string, body: nock.Body, authorization?: string): nock.ReplyFnResult {
    const match = pathPattern.exec(new URL(uri, this.origin).pathname);
    const call: ConnectorCall = {
      method,
      conversationId: decodeURIComponent(match?.[1] ?? ""),
      ...(match?.[2] ? { activityId: decodeURIComponent(match[2]) } : {}),
      body: (typeof body === "string" ? JSON.parse(body) : body) as Record<string, unknown>,
      ...(authorization ? { authorization: String(authorization) } : {}),
    };
    this.calls.push(call);
    const index = this.failures.findIndex((f) => !f.when || f.when(call));
    const failure = index >= 0 ? this.failures.splice(index, 1)[0] : undefined;
    if (failure) {
      call.status = failure.status;
      return [failure.status, failure.body ?? { error: { code: "Failure", message: "forced" } }, failure.headers ?? {}];
    }
    const id = method === "PUT" ? (call.activityId ?? "") : String(++this.seq);
    call.messageId = id;
    call.status = method === "PUT" ? 200 : 201;
    if (!match?.[1]) {
      const channel =
        (call.body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? "19:x@thread.tacv2";
      return [201, { id: `${channel};messageid=${id}`, activityId: id }];
    }
    return [call.status, { id }];
  }

  /** Calls Teams accepted, in order. */
  delivered(): ConnectorCall[] {
    return this.calls.filter((c) => c.messageId !== undefined);
  }

  /** Adaptive Cards in a call's activity (createConversation carries it under `activity`). */
  static cardsOf(call: ConnectorCall): Record<string, unknown>[] {
    const activity = (call.body.activity ?? call.body) as { attachments?: { content: Record<string, unknown> }[] };
    return (activity.attachments ?? []).map((a) => a.content);
  }

  static textOf(call: ConnectorCall): string {
    return JSON.stringify(FakeConnector.cardsOf(call));
  }
}
