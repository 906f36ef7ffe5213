import "server-only";
import { redact } from "@/lib/payments/redact";
import type { ApiCallRecord } from "@/lib/payments/types";

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
  call: ApiCallRecord;
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
      signal: AbortSignal.timeout(request.timeoutMs ?? 20_000),
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
    request: request.logBody !== undefined ? redact(request.logBody) : request.body ? redact(safeJson(request.body)) : undefined,
    response: redact(json ?? text.slice(0, 2000)),
    durationMs: Date.now() - started,
  };
  return { status, headers, text, json, call };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
