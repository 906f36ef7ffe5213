// Preloaded into the shop's server (node --import, by scripts/shop-node-options.mjs: `npm start`,
// the test servers and the bench). Next.js fills X-Forwarded-For/-Host/-Proto/-Port from the
// connection only when the request does not carry them, so by default anyone could name their
// own client address (and dodge the per-address limits) or their own host (and pass the Origin
// check). Here, before Next sees a request, those headers are believed only when the connection
// comes from a proxy listed in TRUSTED_PROXIES (comma-separated addresses or CIDR ranges, e.g.
// "127.0.0.1, 10.0.0.0/8"); otherwise they are removed and Next writes the connection's own.
// Behind trusted proxies X-Forwarded-For becomes the one client address: the right-most entry
// that is not itself a trusted proxy.
import http from "node:http";
import { believeForwardedHeaders, trustedProxyList } from "./forwarded-headers-policy.mjs";

const trusted = trustedProxyList(process.env.TRUSTED_PROXIES ?? "");
/** Marks the process: the app may rely on the forwarded headers it sees (lib/security/client-address.ts). */
globalThis.__shopForwardedHeadersChecked = true;

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithBelievedForwarding(event, request, ...rest) {
  if (event === "request" && request?.headers)
    believeForwardedHeaders(request.headers, request.socket?.remoteAddress, trusted);
  return emit.call(this, event, request, ...rest);
};
