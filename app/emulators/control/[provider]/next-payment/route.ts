import { findEmulator } from "@/lib/emulators";
import { readJson, refusalResponse } from "@/lib/security/request-body";
import {
  clearOverride,
  getOverride,
  overrideBody,
  overrideIssues,
  overrideView,
  setOverride,
  type ControlProvider,
} from "@/lib/emulators/control";
import { controlRequestGuard } from "@/lib/emulators/control-access";

type Context = { params: Promise<{ provider: string }> };

/** The pending one-shot override of the provider's next payment: {override: {...} | null}. */
export async function GET(request: Request, { params }: Context) {
  const { provider } = await params;
  const refused = await controlRequestGuard(request, [provider]);
  if (refused) return refused;
  const row = getOverride(provider as ControlProvider);
  return Response.json({ override: row ? overrideView(row) : null });
}

/**
 * Sets it: {outcome?, declineReason?, charge?, holdSeconds?, notification?: {mode, seconds?, count?}} → 200 {override}.
 * A fault outcome (timeout, http_500, html, malformed_json) answers badly and stores nothing; with
 * `charge: true` the payment is stored and approved first. `holdSeconds` holds a stored payment's answer.
 */
export async function POST(request: Request, { params }: Context) {
  const { provider } = await params;
  const refused = await controlRequestGuard(request, [provider]);
  if (refused) return refused;
  const body = await readJson(request);
  if (!body.ok) return refusalResponse(body);
  const parsed = overrideBody.safeParse(body.value);
  if (!parsed.success) {
    return Response.json(
      {
        error: "Invalid override",
        issues: parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`),
      },
      { status: 422 },
    );
  }
  const emulator = findEmulator(provider)!; // the guard refused an unknown provider
  if (!emulator.signsNotifications && parsed.data.notification?.mode === "bad_signature") {
    return Response.json(
      {
        error: "Invalid override",
        issues: [`notification.mode: ${emulator.name} status callbacks carry no signature`],
      },
      { status: 422 },
    );
  }
  const issues = overrideIssues(parsed.data);
  if (issues.length > 0) return Response.json({ error: "Invalid override", issues }, { status: 422 });
  const row = setOverride(provider as ControlProvider, parsed.data);
  return Response.json({ override: overrideView(row) });
}

/** Clears it: 204. */
export async function DELETE(request: Request, { params }: Context) {
  const { provider } = await params;
  const refused = await controlRequestGuard(request, [provider]);
  if (refused) return refused;
  clearOverride(provider as ControlProvider);
  return new Response(null, { status: 204 });
}
