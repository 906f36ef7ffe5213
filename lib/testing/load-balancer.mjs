// A round-robin load balancer for the tests that run several shop instances (the PostgreSQL
// runs of the suites): each request goes to the next instance; one that does not answer (killed)
// is skipped, as a balancer's health check would.
import http from "node:http";

/** Reads a request's whole body (the tests' requests are small): it may be sent twice, to another instance. */
function bodyOf(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function forward(request, body, port) {
  return new Promise((resolve, reject) => {
    const upstream = http.request(
      { host: "127.0.0.1", port, method: request.method, path: request.url, headers: request.headers },
      resolve,
    );
    upstream.on("error", reject);
    upstream.end(body);
  });
}

/**
 * Listens on `port` and spreads requests over the instances on `targets` (ports), in turn. A
 * target whose connection is refused is skipped for that request (the next one answers); 502 when
 * none answers. Answers `{ url, counts, stop() }`: `counts` is how many requests each target served.
 */
export async function startLoadBalancer({ port, targets }) {
  let next = 0;
  const counts = Object.fromEntries(targets.map((target) => [target, 0]));
  const server = http.createServer(async (request, response) => {
    const body = await bodyOf(request);
    const first = next++ % targets.length;
    for (let tried = 0; tried < targets.length; tried++) {
      const target = targets[(first + tried) % targets.length];
      try {
        const answer = await forward(request, body, target);
        counts[target] += 1;
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        return;
      } catch (error) {
        if (error?.code !== "ECONNREFUSED" && error?.code !== "ECONNRESET") break;
      }
    }
    response.writeHead(502, { "content-type": "text/plain" });
    response.end("No instance answered");
  });
  await new Promise((resolve) => server.listen(port, resolve));
  return {
    url: `http://localhost:${port}`,
    counts,
    stop: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
