// Which X-Forwarded-* headers the shop believes (the preload scripts/forwarded-headers.mjs applies it).
import { BlockList, isIP } from "node:net";
const FORWARDED = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
  "x-real-ip",
];

/** "::ffff:127.0.0.1" -> "127.0.0.1": how Node writes an IPv4 peer on a dual-stack socket. */
function plainAddress(address) {
  const text = String(address ?? "").trim();
  return text.startsWith("::ffff:") && isIP(text.slice(7)) === 4 ? text.slice(7) : text;
}

/** TRUSTED_PROXIES as a BlockList (empty: no proxy is trusted). Throws on an entry that is not an address or a range. */
export function trustedProxyList(setting = "") {
  const list = new BlockList();
  for (const entry of setting
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const family = isIP(address);
    if (!family || (bits !== undefined && !/^\d{1,3}$/.test(bits)))
      throw new Error(`TRUSTED_PROXIES: ${JSON.stringify(entry)} is not an IP address or a CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

function isTrusted(list, address) {
  const plain = plainAddress(address);
  const family = isIP(plain);
  return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The forwarded headers a request may keep, given the connection's address: none unless that
 * address is a trusted proxy; then its forwarding headers, with X-Forwarded-For cut down to the
 * client (the right-most address that is not a trusted proxy). Changes `headers` in place.
 */
export function believeForwardedHeaders(headers, peerAddress, trusted) {
  if (!isTrusted(trusted, peerAddress)) {
    for (const name of FORWARDED) delete headers[name];
    return headers;
  }
  const chain = String(headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((part) => plainAddress(part))
    .filter((part) => isIP(part));
  const client = [...chain].reverse().find((address) => !isTrusted(trusted, address)) ?? chain[0];
  if (client) headers["x-forwarded-for"] = client;
  else delete headers["x-forwarded-for"];
  return headers;
}
