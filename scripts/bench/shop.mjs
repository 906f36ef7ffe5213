// What the benchmark does to a running shop as a browser (without JavaScript) or an operator
// would: read a form's hidden fields and post it, sign in, sum a page's JavaScript.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

/**
 * The cookie that puts one merino beanie in the cart, as the shop signs it (lib/cart-cookie.ts):
 * the product page's "Add to cart" form posted as a browser without JavaScript does.
 */
export async function cartCookieFrom(base) {
  const page = await (await fetch(`${base}/products/merino-beanie`)).text();
  const body = new FormData();
  for (const [name, value] of Object.entries({ ...hiddenFields(page, "productId"), quantity: "1" }))
    body.append(name, value);
  const response = await fetch(`${base}/products/merino-beanie`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { origin: new URL(base).origin },
  });
  const cart = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .find((cookie) => cookie.startsWith("cart="));
  if (!cart) throw new Error(`Adding to the cart answered ${response.status} without a cart cookie`);
  return cart;
}

const unescape = (text) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden fields of the first form in `html` that has a field named `marker` (a server action's $ACTION_* fields included). */
export function hiddenFields(html, marker) {
  const form = (html.match(/<form[\s\S]*?<\/form>/g) ?? []).find((f) => f.includes(`name="${marker}"`));
  if (!form) throw new Error(`No form with a ${marker} field`);
  const fields = {};
  for (const [input] of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) fields[unescape(name)] = unescape(/value="([^"]*)"/.exec(input)?.[1] ?? "");
  }
  return fields;
}

/**
 * Posts a server-action form as a browser without JavaScript does (multipart, the action's
 * hidden fields); answers the milliseconds from the submit to the answer's headers, its status
 * and Location (the next action: the provider's page, the order page with its QR code or result).
 */
export async function submitForm(url, fields, cookie) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  const t0 = process.hrtime.bigint();
  const response = await fetch(url, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { cookie, origin: new URL(url).origin },
    signal: AbortSignal.timeout(30_000),
  });
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  const text = await response.text();
  return { elapsed, status: response.status, location: response.headers.get("location"), text };
}

/** Signs in with next-auth's credentials provider over HTTP; answers the session cookie header. */
export async function signIn(base, email, password) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/admin` }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`Sign-in as ${email} failed (${response.status})`);
  return session;
}

/** The JavaScript files a page's HTML loads (script src), each gzipped (level 9, as a CDN would serve it); answers the total bytes. */
export async function firstLoadJs(base, path, cookie = "") {
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const html = await response.text();
  const sources = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => unescape(m[1])))];
  let total = 0;
  for (const src of sources) {
    const script = await fetch(new URL(src, base));
    total += gzipSync(Buffer.from(await script.arrayBuffer()), { level: 9 }).length;
  }
  return { bytes: total, files: sources.length };
}

/** Resident memory of a process and all its descendants (VmRSS from /proc), in bytes; 0 where /proc is missing. */
export function treeRss(pid) {
  let total = 0;
  const seen = new Set();
  const visit = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    try {
      const status = readFileSync(`/proc/${id}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      const tasks = `/proc/${id}/task`;
      if (!existsSync(tasks)) return;
      for (const task of readdirSync(tasks)) {
        for (const child of readFileSync(`${tasks}/${task}/children`, "utf8").split(/\s+/).filter(Boolean))
          visit(Number(child));
      }
    } catch {
      // the process ended meanwhile
    }
  };
  visit(pid);
  return total;
}

/** Samples treeRss(pid) every `everyMs` until stopped; answers the peak in bytes. */
export function rssSampler(pid, everyMs = 100) {
  let peak = treeRss(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRss(pid));
    },
  };
}
