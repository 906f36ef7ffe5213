// A merchant endpoint on loopback for tests: records every request and answers with scripted
// answers in turn (the last one repeats). The providers' catchers are built on it.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  at: number;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface ScriptedAnswer {
  status: number;
  body?: string;
}

export async function startRecordingServer<T extends RecordedRequest>(options: {
  /** The path the returned URL names (every path is recorded). */
  path: string;
  answers: readonly ScriptedAnswer[];
  contentType?: string;
  /** Adds provider-specific fields (parsed JSON, signature check) to each record. */
  describe?: (request: RecordedRequest) => T;
  /** The noun used in waitFor's error ("callbacks", "notifications"). */
  noun?: string;
}) {
  const requests: T[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = {
        at: Date.now(),
        path: new URL(req.url ?? "/", "http://x").pathname,
        headers: req.headers,
        body,
      };
      requests.push(options.describe ? options.describe(recorded) : (recorded as T));
      const answer = options.answers[Math.min(requests.length - 1, options.answers.length - 1)];
      res.statusCode = answer.status;
      if (options.contentType) res.setHeader("content-type", options.contentType);
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.path}`,
    requests,
    async waitFor(count: number, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} ${options.noun ?? "requests"}, got ${requests.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first value of a request header. */
export function headerOf(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function jsonOf(body: string): Record<string, unknown> {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return {};
  }
}
