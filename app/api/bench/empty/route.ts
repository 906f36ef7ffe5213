import { notFound } from "next/navigation";
import { benchComparatorsEnabled } from "@/lib/bench/enabled";

/**
 * The benchmark's floor for notification ingestion: the same POST with the same body, read and
 * answered with nothing in between (no verify, dedupe, transition or log).
 */
export async function POST(request: Request) {
  if (!benchComparatorsEnabled()) notFound();
  await request.text();
  return new Response("OK", { status: 200, headers: { "content-type": "text/plain" } });
}
