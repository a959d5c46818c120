// Test-only preload for a `cpbot serve` child process (NODE_OPTIONS="--import=<this file>"): Microsoft's
// login hosts are answered by the test's FakeTeamsService on loopback (CPBOT_TEST_MICROSOFT_URL), the way the
// in-process Teams tests answer them with nock. botbuilder's JWT check runs unchanged: it fetches the OpenID
// metadata and signing keys of login.botframework.com as always and verifies issuer, audience, serviceurl,
// signature and endorsements; only the keys it gets are the test's. MSAL's client-credentials request for
// the outbound token gets a test token. Nothing else may leave the machine. Plain JavaScript because Node 20
// cannot load TypeScript before the program starts; no cpbot code reads CPBOT_TEST_MICROSOFT_URL.
import nock from "nock";

const target = process.env.CPBOT_TEST_MICROSOFT_URL;
if (!target)
  throw new Error("route-microsoft-to-loopback: set CPBOT_TEST_MICROSOFT_URL to the fake's http://127.0.0.1:PORT");

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);

/** Forwards one intercepted request to the fake, under a path that starts with the original host. */
function forward(host, method) {
  return function (uri, body, callback) {
    const headers = { "content-type": String(this.req.headers["content-type"] ?? "application/json") };
    const init = { method, headers };
    if (method !== "GET") init.body = typeof body === "string" ? body : JSON.stringify(body);
    fetch(`${target}/${host}${uri}`, init)
      .then(async (res) => {
        const answered = { "content-type": res.headers.get("content-type") ?? "application/json" };
        callback(null, [res.status, await res.text(), answered]);
      })
      .catch((error) => callback(error));
  };
}

for (const host of ["login.botframework.com", "login.microsoftonline.com"]) {
  const scope = nock(`https://${host}`).persist();
  scope.get(/.*/).query(true).reply(forward(host, "GET"));
  scope.post(/.*/).query(true).reply(forward(host, "POST"));
}
