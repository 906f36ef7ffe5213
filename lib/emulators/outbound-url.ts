import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { isLoopbackHost, isPublicAppUrl } from "@/lib/public-mode";

/**
 * Where the emulators may send things: the notifications they POST and the shoppers they redirect
 * (result, return, cancel, success and fail URLs). Only to http(s) URLs on the app's own origin
 * (APP_URL) or on a host of EMULATOR_ALLOWED_HOSTS; locally also to loopback on any port (QA
 * listeners on the laptop), in public mode not. Never to link-local or cloud metadata addresses,
 * never with a user name or password in the URL. Without this an emulator that takes any
 * notify_url is a port scanner of its host and its network, and its hosted pages open redirects.
 */

export interface OutboundPolicy {
  /** The app's origin (APP_URL's), always allowed. */
  appOrigin: string;
  /** EMULATOR_ALLOWED_HOSTS, parsed: a host alone allows every port, host:port that port only. */
  allowedHosts: readonly AllowedHost[];
  /** Public mode: loopback counts only as the app's own origin. */
  publicMode: boolean;
}

export interface AllowedHost {
  hostname: string;
  port?: string;
}

/** What an emulator says when it refuses a target URL; reveals nothing about the target itself. */
export const REFUSED_BY_POLICY = "target refused by the emulator's outbound policy";

/** Host names that answer with the cloud's instance metadata (credentials) wherever they run. */
const METADATA_HOSTNAMES = new Set(["metadata.google.internal", "metadata"]);

/** Link-local and cloud metadata addresses: never a merchant's site. */
const NEVER = new BlockList();
NEVER.addSubnet("169.254.0.0", 16, "ipv4"); // link-local, AWS/Azure/GCP/Oracle metadata 169.254.169.254
NEVER.addSubnet("fe80::", 10, "ipv6"); // link-local
NEVER.addAddress("fd00:ec2::254", "ipv6"); // AWS metadata over IPv6
NEVER.addAddress("100.100.100.200", "ipv4"); // Alibaba Cloud metadata

/** This machine under another name: loopback, and the unspecified addresses a connect sends here. */
const THIS_MACHINE = new BlockList();
THIS_MACHINE.addSubnet("127.0.0.0", 8, "ipv4");
THIS_MACHINE.addSubnet("0.0.0.0", 8, "ipv4");
THIS_MACHINE.addAddress("::1", "ipv6");
THIS_MACHINE.addAddress("::", "ipv6");

const bare = (hostname: string) =>
  hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");

function inList(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family === 4 ? list.check(address, "ipv4") : family === 6 ? list.check(address, "ipv6") : false;
}

/** Whether a host name or address (as URL.hostname or dns.lookup writes it) is link-local or cloud metadata. */
export function isForbiddenAddress(hostname: string): boolean {
  const host = bare(hostname);
  return METADATA_HOSTNAMES.has(host) || inList(NEVER, host);
}

/** "host" or "host:port" ("[v6]" or "[v6]:port" for IPv6), normalised as URL writes hosts; undefined when unreadable. */
export function parseAllowedHost(entry: string): AllowedHost | undefined {
  const text = entry.trim();
  if (!text) return undefined;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]/?#@\s]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return undefined;
  try {
    const hostname = new URL(`http://${match[1]}`).hostname;
    return match[2] === undefined ? { hostname } : { hostname, port: String(Number(match[2])) };
  } catch {
    return undefined;
  }
}

/** The policy of a process: APP_URL (default http://localhost:PORT) and EMULATOR_ALLOWED_HOSTS. */
export function outboundPolicy(env: Record<string, string | undefined> = process.env): OutboundPolicy {
  const appUrl = env.APP_URL?.trim() || `http://localhost:${env.PORT ?? "3000"}`;
  let appOrigin: string;
  try {
    appOrigin = new URL(appUrl).origin;
  } catch {
    appOrigin = "null";
  }
  const allowedHosts = (env.EMULATOR_ALLOWED_HOSTS ?? "")
    .split(",")
    .map(parseAllowedHost)
    .filter((host): host is AllowedHost => host !== undefined);
  return { appOrigin, allowedHosts, publicMode: isPublicAppUrl(appUrl) };
}

const effectivePort = (url: URL) => url.port || (url.protocol === "https:" ? "443" : "80");

function isAllowedHost(url: URL, allowedHosts: readonly AllowedHost[]): boolean {
  return allowedHosts.some(
    (allowed) =>
      allowed.hostname === url.hostname && (allowed.port === undefined || allowed.port === effectivePort(url)),
  );
}

/**
 * Why an emulator may not send anything to `value` (the text ends a sentence that starts with the
 * field's name), or undefined when it may.
 */
export function outboundUrlRefusal(value: string, policy: OutboundPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be an absolute http(s) URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an absolute http(s) URL";
  if (url.username || url.password) return "must not carry a user name or password";
  if (isForbiddenAddress(url.hostname)) return "must not point at a link-local or cloud metadata address";
  if (url.origin === policy.appOrigin || isAllowedHost(url, policy.allowedHosts)) return undefined;
  if (!policy.publicMode && isLoopbackHost(url.hostname)) return undefined;
  return "must be on the merchant's site or a host in EMULATOR_ALLOWED_HOSTS";
}

/**
 * The create-time check every emulator runs on each URL it registers: the error text naming the
 * field, or undefined. [guess] The providers publish no such rule (they do refuse malformed URLs);
 * each emulator answers it with its own invalid-parameter error.
 */
export function targetUrlError(
  value: string,
  field: string,
  policy: OutboundPolicy = outboundPolicy(),
): string | undefined {
  const refusal = outboundUrlRefusal(value, policy);
  return refusal && `${field} ${refusal}`;
}

/**
 * The delivery-time check (a row registered before, or a replay): the policy again, then every
 * address the host resolves to. None may be link-local or metadata; in public mode none may be
 * this machine unless the URL is on the app's own origin (a name on the allowlist must not lead back to
 * the server's private ports). Answers whether the emulator may connect.
 */
export async function mayConnect(
  target: string,
  policy: OutboundPolicy = outboundPolicy(),
  resolve: (host: string) => Promise<string[]> = resolveAll,
): Promise<boolean> {
  if (outboundUrlRefusal(target, policy) !== undefined) return false;
  const url = new URL(target);
  const host = bare(url.hostname);
  const addresses = isIP(host) ? [host] : await resolve(host);
  if (addresses.some(isForbiddenAddress)) return false;
  if (!policy.publicMode || url.origin === policy.appOrigin) return true;
  return !addresses.some((address) => inList(THIS_MACHINE, address) || isLoopbackHost(address));
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
}
