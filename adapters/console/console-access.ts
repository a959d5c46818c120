import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Who may open the console. On a loopback listener nobody else can connect, so nothing is asked; on any
 * other address the console exists only with CONSOLE_TOKEN, and then every request must carry it. The
 * decision is made from the listener's own address, never from the client's (a reverse proxy hides it).
 */
export type ConsoleAccess = { mode: "loopback" } | { mode: "token"; token: string } | { mode: "off"; reason: string };

export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

export function consoleAccess(host: string | undefined, token: string | undefined): ConsoleAccess {
  if (token) return { mode: "token", token };
  if (isLoopbackHost(host)) return { mode: "loopback" };
  return {
    mode: "off",
    reason: `the server listens on ${host ?? "all interfaces"}, not loopback, and CONSOLE_TOKEN is not set`,
  };
}

export const tokenCookie = "cpbot_console";

const digest = (s: string) => createHash("sha256").update(s).digest();
const sameSecret = (given: string, token: string) => timingSafeEqual(digest(given), digest(token));

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** The token a request carries: Authorization: Bearer, else the console cookie. */
export function requestToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) return auth.slice(7).trim();
  return cookieValue(req, tokenCookie);
}

export type AccessVerdict = { ok: true } | { ok: false; status: number; message: string; setCookie?: string };

/**
 * Checks one request. Loopback: the Host header must name loopback too, so a web page on another site
 * cannot reach the console through a DNS name rebound to 127.0.0.1. Token: the request carries it, or
 * opens a page with ?token=… once, which sets an HttpOnly, SameSite=Strict cookie.
 */
export function checkAccess(req: IncomingMessage, access: ConsoleAccess): AccessVerdict {
  if (access.mode === "off") return { ok: false, status: 404, message: `The console is off: ${access.reason}.` };
  if (access.mode === "loopback") {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    if (isLoopbackHost(host)) return { ok: true };
    return { ok: false, status: 421, message: "The console answers only to localhost or 127.0.0.1 on this address." };
  }
  const given = requestToken(req);
  if (given !== undefined && sameSecret(given, access.token)) return { ok: true };
  return {
    ok: false,
    status: 401,
    message: "The console needs its token: open /console/?token=… once, or send Authorization: Bearer ….",
  };
}

/** A first visit with ?token=…: the cookie to set and the address without the token, or undefined. */
export function tokenLogin(
  req: IncomingMessage,
  access: ConsoleAccess,
): { cookie: string; location: string } | undefined {
  if (access.mode !== "token") return undefined;
  const url = new URL(req.url ?? "/", "http://console.invalid");
  const given = url.searchParams.get("token");
  if (given === null || !sameSecret(given, access.token)) return undefined;
  url.searchParams.delete("token");
  const secure = req.headers["x-forwarded-proto"] === "https" ? "; Secure" : "";
  return {
    cookie: `${tokenCookie}=${encodeURIComponent(given)}; Path=/; HttpOnly; SameSite=Strict${secure}`,
    location: `${url.pathname}${url.search}`,
  };
}

/** A random token per server run, put in each page and required on every POST (with the Origin check). */
export function newCsrfToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * A POST is accepted only from the console's own pages: the browser's Origin (or Sec-Fetch-Site) says
 * same origin and the page's CSRF token comes back in a header, which a cross-site form cannot set.
 */
export function checkSameOrigin(req: IncomingMessage, csrf: string): string | undefined {
  const origin = req.headers.origin;
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin") return `cross-site request (${site})`;
  if (origin !== undefined) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return "unreadable Origin";
    }
    if (host !== req.headers.host) return "request from another origin";
  }
  const given = req.headers["x-csrf-token"];
  if (typeof given !== "string" || !sameSecret(given, csrf)) return "missing or wrong x-csrf-token";
  return undefined;
}

/** Strict CSP: own scripts, styles and connections only; nothing inline, no frames, no plugins. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function securityHeaders(res: ServerResponse): void {
  res.setHeader("content-security-policy", contentSecurityPolicy);
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("cross-origin-opener-policy", "same-origin");
  res.setHeader("cross-origin-resource-policy", "same-origin");
}
