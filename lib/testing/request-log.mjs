// Preloaded into test servers (node --import): writes every URL the server is asked, one JSON
// line each, to its output (<dataDir>/server.log). The card-data suite scans these lines: no card
// number or security code may ever travel in a URL (a form falling back to GET would put it there).
import http from "node:http";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithRequestLog(event, request, ...rest) {
  if (event === "request" && request && typeof request.url === "string") {
    process.stdout.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: "debug", message: "request", method: request.method, url: request.url })}\n`,
    );
  }
  return emit.call(this, event, request, ...rest);
};
