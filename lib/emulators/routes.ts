/**
 * The emulators' one routing style: each emulator lists its API as a route table (a path pattern
 * and a handler per method), and one catch-all route (app/emulators/[emulator]/[...path]) hands
 * every request that no hosted page's folder serves to `dispatch`. Patterns are written as Next's
 * folders are (`/v1/payment_orders/[orderId]`, `/api/[...path]`), and the table answers as Next
 * answers a route file: the first pattern that matches the path owns it; a method it lacks is a
 * 405, HEAD is its GET, and OPTIONS without a handler is a 204 with `Allow`.
 */

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A pattern's dynamic segments by name (a catch-all's segments joined with "/"). */
export type RouteParams = Readonly<Record<string, string>>;
export type RouteHandler = (request: Request, params: RouteParams) => Response | Promise<Response>;

export interface EmulatorRoute {
  /** The path under /emulators/<id>, e.g. `/v4/payment/refund` or `/ams/api/v1/payments/[action]`. */
  path: string;
  handlers: Partial<Record<HttpMethod, RouteHandler>>;
}

/** The params of `segments` under `pattern`, or undefined when the pattern does not match. */
export function matchRoute(pattern: string, segments: readonly string[]): RouteParams | undefined {
  const parts = pattern.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(part);
    if (catchAll) {
      if (index !== parts.length - 1) throw new Error(`${pattern}: a catch-all must be the last segment`);
      if (segments.length <= index) return undefined;
      params[catchAll[1]] = segments.slice(index).join("/");
      return params;
    }
    const segment = segments[index];
    if (segment === undefined) return undefined;
    const dynamic = /^\[(\w+)\]$/.exec(part);
    if (dynamic) params[dynamic[1]] = segment;
    else if (part !== segment) return undefined;
  }
  return segments.length === parts.length ? params : undefined;
}

/** The methods a route answers, as Next lists them in `Allow` (HEAD with GET, OPTIONS always). */
export function allowedMethods(route: EmulatorRoute): string[] {
  const methods = new Set<string>(["OPTIONS", ...Object.keys(route.handlers)]);
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].sort();
}

/** The route table's answer to a request for `segments`; undefined when no pattern matches the path. */
export async function dispatch(
  routes: readonly EmulatorRoute[],
  request: Request,
  segments: readonly string[],
): Promise<Response | undefined> {
  for (const route of routes) {
    const params = matchRoute(route.path, segments);
    if (!params) continue;
    const method = (request.method === "HEAD" ? "GET" : request.method) as HttpMethod;
    const handler = route.handlers[method];
    if (handler) return handler(request, params);
    if (method === "OPTIONS")
      return new Response(null, { status: 204, headers: { Allow: allowedMethods(route).join(", ") } });
    return new Response(null, { status: 405 });
  }
  return undefined;
}
