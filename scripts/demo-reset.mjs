#!/usr/bin/env node
// `npm run demo:reset`: asks the running shop (PORT, default 3000) to reset both databases to the
// seed plus a set of sample orders across providers and statuses. Start the shop first (`npm start`).
import { existsSync, readFileSync } from "node:fs";

const port = process.env.PORT || "3000";
const secretFile = process.env.AUTH_SECRET_FILE || "data/auth-secret";
const key = process.env.AUTH_SECRET || (existsSync(secretFile) ? readFileSync(secretFile, "utf8").trim() : "");
if (!key) {
  console.error("No AUTH_SECRET and no data/auth-secret yet: start the shop once with `npm start`.");
  process.exit(1);
}
try {
  const response = await fetch(`http://localhost:${port}/api/demo/reset`, {
    method: "POST",
    headers: { "x-demo-key": key },
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  console.log(`Demo reset: ${body.orders} sample orders. Open http://localhost:${port}/admin`);
} catch (error) {
  console.error(`Demo reset failed: ${error.message}. Is the shop running on port ${port} (npm start)?`);
  process.exit(1);
}
