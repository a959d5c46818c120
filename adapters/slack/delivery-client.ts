import { stringify } from "node:querystring";
import { webApi } from "@slack/bolt";
import { httpPost } from "./http-post.ts";

type Result = { ok?: boolean; channel?: string; ts?: string; [key: string]: unknown };

/** The Web API calls a reply is delivered with: the part of Bolt's WebClient that deliverReply uses. */
export interface DeliveryClient {
  chat: {
    postMessage(args: webApi.ChatPostMessageArguments): Promise<Result>;
    postEphemeral(args: webApi.ChatPostEphemeralArguments): Promise<Result>;
    update(args: webApi.ChatUpdateArguments): Promise<Result>;
  };
}

export interface DeliveryClientOptions {
  token: string;
  /** The Web API's base URL, ending in "/" (Slack's own unless SLACK_API_URL says otherwise). */
  apiUrl?: string;
  timeoutMs: number;
}

/**
 * The Web API client replies are delivered with: the three chat methods, sent as the WebClient sends them
 * (form fields, objects as JSON text, the token as a bearer header) and failing with the WebClient's own
 * error classes, so the outbox's retry rules (slack-delivery-error.ts) read them unchanged. It has what the
 * delivery client was configured to do and nothing else: no retries of its own (the outbox retries), a
 * 429 rejected at once with its Retry-After, one time limit per call. It skips the WebClient's request
 * queue, its retry wrapper, the debug lines it builds whatever the level and `fetch` (see http-post.ts).
 */
export function deliveryClient(options: DeliveryClientOptions): DeliveryClient {
  const base = options.apiUrl ?? "https://slack.com/api/";
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    authorization: `Bearer ${options.token}`,
    "user-agent": "cpbot",
  };
  const call = async (method: string, args: object): Promise<Result> => {
    let answer: Awaited<ReturnType<typeof httpPost>>;
    try {
      answer = await httpPost(`${base}${method}`, formBody(args), headers, options.timeoutMs);
    } catch (error) {
      throw new webApi.WebAPIRequestError(error instanceof Error ? error : new Error(String(error)));
    }
    if (answer.status === 429) {
      const seconds = Number(answer.headers["retry-after"]);
      if (Number.isFinite(seconds) && seconds >= 0) throw new webApi.WebAPIRateLimitedError(seconds);
    }
    if (answer.status !== 200) {
      const flat = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k, String(v)]));
      throw new webApi.WebAPIHTTPError(answer.status, answer.statusMessage, flat, answer.text);
    }
    const result = parse(answer.text);
    if (result.ok !== true)
      throw new webApi.WebAPIPlatformError(result as unknown as webApi.WebAPICallResult & { error: string });
    return result;
  };
  return {
    chat: {
      postMessage: (args) => call("chat.postMessage", args),
      postEphemeral: (args) => call("chat.postEphemeral", args),
      update: (args) => call("chat.update", args),
    },
  };
}

/** As the WebClient encodes arguments: absent ones left out, anything but a string, number or boolean as JSON. */
function formBody(args: object): string {
  const fields: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    fields[key] =
      typeof value === "string" || typeof value === "number" || typeof value === "boolean"
        ? value
        : JSON.stringify(value);
  }
  return stringify(fields);
}

function parse(text: string): Result {
  try {
    const data = JSON.parse(text) as unknown;
    return data && typeof data === "object" ? (data as Result) : { ok: false, error: text };
  } catch {
    return { ok: false, error: text };
  }
}
