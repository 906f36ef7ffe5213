// A small load generator for the benchmark: a fixed number of requests at a fixed concurrency
// over keep-alive connections (node:http, lighter than fetch, so the client takes less of the
// machine's two cores from the server), with each request's latency kept for percentiles.
import http from "node:http";

/** Sends `requests` (each {path, headers, body}) to `base` at `concurrency`; answers throughput, latencies and statuses. */
export async function runLoad(base, requests, { concurrency = 10, timeoutMs = 30_000 } = {}) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = new Array(requests.length);
  const statuses = new Map();
  let next = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  async function worker() {
    for (;;) {
      const index = next++;
      if (index >= requests.length) return;
      const request = requests[index];
      const t0 = process.hrtime.bigint();
      try {
        const status = await send(url, agent, request, timeoutMs);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      } catch {
        errors++;
      }
      latencies[index] = Number(process.hrtime.bigint() - t0) / 1e6;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return {
    count: requests.length,
    seconds,
    rps: requests.length / seconds,
    latencies,
    statuses: Object.fromEntries(statuses),
    errors,
  };
}

function send(url, agent, { method = "POST", path, headers = {}, body }, timeoutMs) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path,
        method,
        agent,
        headers: { ...headers, ...(payload ? { "content-length": payload.length } : {}) },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(payload);
  });
}

/** The q-th percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** Times `attempt()` (which answers the milliseconds it measured) `count` times in a row after `warmup` untimed runs. */
export async function timeSequential(attempt, { count, warmup = 2 }) {
  for (let i = 0; i < warmup; i++) await attempt(i);
  const times = [];
  for (let i = 0; i < count; i++) times.push(await attempt(i));
  return { times, median: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

/** Per Pay of the bench, rows of { ms, calls } (time in calls to the provider, their number): the median of each. */
export function medianCalls(perPayment) {
  return {
    median: percentile(
      perPayment.map((row) => Number(row.ms)),
      50,
    ),
    calls: percentile(
      perPayment.map((row) => Number(row.calls)),
      50,
    ),
  };
}
