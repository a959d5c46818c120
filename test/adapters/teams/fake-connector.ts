import nock from "nock";

export interface ConnectorCall {
  method: "POST" | "PUT";
  /** Decoded conversation id from the path ("" for createConversation). */
  conversationId: string;
  /** The activity id in the path: the message replied to (POST) or updated (PUT). */
  activityId?: string;
  body: Record<string, unknown>;
  authorization?: string;
  /** When the call reached the connector (Date.now()); set by FakeConnector. */
  at?: number;
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

/**
 * How every connector call fails while a fault is set (`failAll`): Teams having an outage (500), throttling
 * (429 + Retry-After), hanging (no answer until the fault clears, long after the client gave up) or dropping
 * connections (reset as soon as the request arrives).
 */
export type ConnectorFault =
  | { kind: "500" }
  | { kind: "429"; retryAfterSeconds: number }
  | { kind: "timeout" }
  | { kind: "reset" };

/** The error a dropped connection gives the client. */
function connectionReset(): Error {
  return Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
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
  /** Calls a fault refused: they reached Teams and were not accepted. */
  faulted = 0;
  private fault: { fault: ConnectorFault; when?: (call: ConnectorCall) => boolean } | undefined;
  private stalled: (() => void)[] = [];
  private seq = 1741079000000;

  private readonly interceptors: nock.Interceptor[];

  constructor(readonly origin = "https://smba.trafficmanager.net") {
    const self = this;
    const reply = (method: "POST" | "PUT") =>
      function (this: nock.ReplyFnContext, uri: string, body: nock.Body): Promise<nock.ReplyFnResult> {
        return self.answer(method, uri, body, this.req.headers.authorization);
      };
    const scope = nock(origin).persist();
    this.interceptors = [scope.post(pathPattern), scope.put(pathPattern)];
    this.interceptors[0]?.reply(reply("POST"));
    this.interceptors[1]?.reply(reply("PUT"));
  }

  /** From now on every call (or every call `when` accepts) fails this way, until `clearFault()`. */
  failAll(fault: ConnectorFault, when?: (call: ConnectorCall) => boolean): void {
    this.fault = { fault, ...(when ? { when } : {}) };
  }

  /** Teams is well again; calls left hanging by a timeout fault are answered 503 (their client gave up). */
  clearFault(): void {
    this.fault = undefined;
    for (const drop of this.stalled.splice(0)) drop();
  }

  /** Removes this connector's interceptors, so the next test's connector sees its own calls. */
  dispose(): void {
    this.clearFault();
    for (const interceptor of this.interceptors) nock.removeInterceptor(interceptor);
  }

  private async answer(
    method: "POST" | "PUT",
    uri: string,
    body: nock.Body,
    authorization?: string,
  ): Promise<nock.ReplyFnResult> {
    const match = pathPattern.exec(new URL(uri, this.origin).pathname);
    const call: ConnectorCall = {
      method,
      at: Date.now(),
      conversationId: decodeURIComponent(match?.[1] ?? ""),
      ...(match?.[2] ? { activityId: decodeURIComponent(match[2]) } : {}),
      body: (typeof body === "string" ? JSON.parse(body) : body) as Record<string, unknown>,
      ...(authorization ? { authorization: String(authorization) } : {}),
    };
    this.calls.push(call);
    if (this.fault && (!this.fault.when || this.fault.when(call))) return this.failCall(call, this.fault.fault);
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

  private failCall(call: ConnectorCall, fault: ConnectorFault): Promise<nock.ReplyFnResult> {
    this.faulted++;
    switch (fault.kind) {
      case "500":
        call.status = 500;
        return Promise.resolve([500, { error: { code: "ServiceError", message: "Internal Server Error" } }]);
      case "429":
        call.status = 429;
        return Promise.resolve([
          429,
          { error: { code: "Throttled", message: "Too many requests" } },
          { "retry-after": String(fault.retryAfterSeconds) },
        ]);
      case "reset":
        return Promise.reject(connectionReset());
      case "timeout":
        // Answered (503) only when the fault clears: by then the client has given up on it (its timeout).
        return new Promise((resolve) => this.stalled.push(() => resolve([503, { error: { code: "Timeout" } }])));
    }
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
