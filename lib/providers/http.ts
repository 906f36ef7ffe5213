import "server-only";
import { settings } from "@/lib/env";
import { redact } from "@/lib/payments/redact";
import type { ApiCallRecord } from "@/lib/payments/types";

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
  call: ApiCallRecord;
  /**
   * The answer says nothing about what the provider did: no answer (network failure, timeout), a
   * 408 or 5xx, or a 2xx body that is not JSON (an HTML page, cut-off JSON). The provider may have
   * acted on the request; only an inquiry can tell.
   */
  unreadable: boolean;
}

/** The answer in a few words for an error message: "no answer (TimeoutError...)", "HTTP 502 (an HTML page)". */
export function describeAnswer(answer: Pick<HttpAnswer, "status" | "text" | "json" | "headers">): string {
  if (answer.status === 0) return `no answer (${answer.text.slice(0, 120)})`;
  const html =
    /text\/html/i.test(answer.headers.get("content-type") ?? "") || /^\s*<(!doctype|html)/i.test(answer.text);
  return `HTTP ${answer.status}${html ? " (an HTML page)" : answer.text && answer.json === undefined ? " (not JSON)" : ""}`;
}

/**
 * One HTTP call to a provider, with a timeout, recorded (redacted) for the payment's event log.
 * A network failure or timeout answers status 0 rather than throwing, so the caller decides.
 */
export async function sendProviderRequest(request: {
  method: "GET" | "POST" | "PUT";
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** What the event log shows of the request, when the body itself would reveal too much. */
  logBody?: unknown;
  /** The provider's secret field and header names (its descriptor's), masked in the record. */
  secretFields?: readonly string[];
  timeoutMs?: number;
}): Promise<HttpAnswer> {
  const started = Date.now();
  let status = 0;
  let text = "";
  let headers = new Headers();
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs ?? settings().PROVIDER_TIMEOUT_MS),
      cache: "no-store",
      redirect: "manual",
    });
    status = response.status;
    headers = response.headers;
    text = await response.text();
  } catch (error) {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const call: ApiCallRecord = {
    method: request.method,
    url: request.url,
    status,
    request:
      request.logBody !== undefined
        ? redact(request.logBody, request.secretFields)
        : request.body
          ? redact(safeJson(request.body), request.secretFields)
          : undefined,
    response: redact(json ?? text.slice(0, 2000), request.secretFields),
    durationMs: Date.now() - started,
  };
  const unreadable =
    status === 0 ||
    status === 408 ||
    status >= 500 ||
    (status >= 200 && status < 300 && text !== "" && json === undefined);
  return { status, headers, text, json, call, unreadable };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
