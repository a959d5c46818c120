import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  isMessageTooBig,
  retryAfterMs,
  withConnectorRetry,
} from "../../../adapters/teams/connector-retry.ts";

describe("connector retry policy", () => {
  const failure = (status: number, retryAfter?: string) =>
    Object.assign(new Error(`status ${status}`), {
      statusCode: status,
      response: { headers: { get: (name: string) => (name === "retry-after" ? retryAfter : undefined) } },
    });

  it("waits at least Retry-After, and grows the backoff with jitter otherwise", () => {
    expect(retryAfterMs(failure(429, "7"))).toBe(7000);
    expect(retryAfterMs(failure(429, new Date(10_000).toUTCString()), () => 4_000)).toBe(6000);
    expect(backoffDelay(1, failure(429, "7"), { random: () => 0 })).toBe(7000);
    const low = [1, 2, 3].map((n) => backoffDelay(n, failure(502), { random: () => 0 }));
    const high = [1, 2, 3].map((n) => backoffDelay(n, failure(502), { random: () => 0.999 }));
    expect(low).toEqual([250, 500, 1000]);
    for (const [i, value] of high.entries()) expect(value).toBeLessThan((low[i] ?? 0) * 2);
  });

  it("recognises Teams' message-too-big answers", () => {
    expect(isMessageTooBig(failure(413))).toBe(true);
    expect(isMessageTooBig(Object.assign(new Error("MessageSizeTooBig"), { statusCode: 400 }))).toBe(true);
    expect(isMessageTooBig(failure(400))).toBe(false);
  });

  it("retries 429, 412, 502 and 504 a bounded number of times and surfaces everything else at once", async () => {
    const sleeps: number[] = [];
    const options = { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0.5, maxAttempts: 3 };
    /** Runs an operation that always fails with `error`; checks it is rejected with it and returns the calls made. */
    const callsUntilRejected = async (error: ReturnType<typeof failure>) => {
      let calls = 0;
      const operation = async () => {
        calls++;
        throw error;
      };
      await expect(withConnectorRetry("test", operation, options)).rejects.toMatchObject({
        statusCode: error.statusCode,
      });
      return calls;
    };
    for (const status of [429, 412, 502, 504]) expect(await callsUntilRejected(failure(status))).toBe(3);
    for (const status of [400, 401, 403, 404, 413, 500, 503]) expect(await callsUntilRejected(failure(status))).toBe(1);
    // A Retry-After beyond a minute is not worth holding the turn for.
    expect(await callsUntilRejected(failure(429, "600"))).toBe(1);
  });
});
