import { EMULATORS } from "@/lib/emulators";
import { resetClock } from "@/lib/emulators/clock";
import { advanceClock, clockView } from "@/lib/emulators/clock-advance";
import { controlRequestGuard } from "@/lib/emulators/control-access";
import { parseDuration } from "@/lib/emulators/duration";
import { isAdvancing } from "@/lib/emulators/outbox";
import { readJson, refusalResponse } from "@/lib/security/request-body";

/**
 * The emulators' one clock (lib/emulators/clock.ts). It moves every emulator at once, so it passes
 * the gate for every provider, as reset does.
 */
const guard = (request: Request) =>
  controlRequestGuard(
    request,
    EMULATORS.map((emulator) => emulator.id),
  );

/** The clock: {offsetSeconds, now, realTime}. */
export async function GET(request: Request) {
  const refused = await guard(request);
  if (refused) return refused;
  return Response.json(await clockView());
}

/**
 * Moves it forward: {"advance": "2 hours" | "8 days" | <seconds>} → 200 with what ran meanwhile
 * (steps, notifications queued, every attempt made in order). 422 on a missing, unparseable,
 * negative, zero or over-a-year duration; 409 while another advance runs.
 */
export async function POST(request: Request) {
  const refused = await guard(request);
  if (refused) return refused;
  const body = await readJson(request);
  if (!body.ok) return refusalResponse(body);
  const value = body.value;
  if (!value || typeof value !== "object" || Array.isArray(value) || !("advance" in value)) {
    return Response.json(
      { error: "Invalid clock request", issues: ['advance: required, e.g. {"advance": "2 hours"}'] },
      { status: 422 },
    );
  }
  const duration = parseDuration((value as { advance: unknown }).advance);
  if (!duration.ok) return Response.json({ error: "Invalid clock request", issues: [duration.error] }, { status: 422 });
  if (isAdvancing()) return Response.json({ error: "The clock is already being advanced" }, { status: 409 });
  return Response.json(await advanceClock(duration.seconds));
}

/** Back to real time: 200 with the clock. */
export async function DELETE(request: Request) {
  const refused = await guard(request);
  if (refused) return refused;
  await resetClock();
  return Response.json(await clockView());
}
