import { findEmulator } from "@/lib/emulators";
import { readJson, refusalResponse } from "@/lib/security/request-body";
import {
  clearOverride,
  forcedOutcomeView,
  getOverride,
  listOverrides,
  overrideBody,
  overrideIssues,
  overrideView,
  scopeOfQuery,
  setOverride,
  type ControlProvider,
} from "@/lib/emulators/control";
import { controlCaller, controlRequestGuard } from "@/lib/emulators/control-access";

type Context = { params: Promise<{ provider: string }> };

const invalid = (issues: string[], status = 422) => Response.json({ error: "Invalid override", issues }, { status });

/**
 * The provider's forced outcomes still waiting for their payment: {override: the unscoped one's
 * override | null, forced: [{scope: {email} | {referencePrefix} | {testId} | null, override, setBy, setAt}]}.
 */
export async function GET(request: Request, { params }: Context) {
  const { provider } = await params;
  const refused = await controlRequestGuard(request, [provider]);
  if (refused) return refused;
  const unscoped = await getOverride(provider as ControlProvider);
  return Response.json(
    {
      override: unscoped ? overrideView(unscoped) : null,
      forced: (await listOverrides(provider as ControlProvider)).map(forcedOutcomeView),
    },
    { headers: { "cache-control": "no-store" } },
  );
}

/**
 * Sets one: {scope?: {email} | {referencePrefix} | {testId}, outcome?, declineReason?, charge?,
 * holdSeconds?, notification?: {mode, seconds?, count?}} → 200 {override, scope, setBy, setAt}
 * (replacing the forced outcome of the same scope). Without a scope it is for any payment that no
 * scoped one matches. A fault outcome (timeout, http_500, html, malformed_json) answers badly and
 * stores nothing; with `charge: true` the payment is stored and approved first. `holdSeconds`
 * holds a stored payment's answer.
 */
export async function POST(request: Request, { params }: Context) {
  const { provider } = await params;
  const refused = await controlRequestGuard(request, [provider]);
  if (refused) return refused;
  const body = await readJson(request);
  if (!body.ok) return refusalResponse(body);
  const parsed = overrideBody.safeParse(body.value);
  if (!parsed.success) {
    return invalid(parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`));
  }
  const emulator = findEmulator(provider)!; // the guard refused an unknown provider
  if (!emulator.signsNotifications && parsed.data.notification?.mode === "bad_signature") {
    return invalid([`notification.mode: ${emulator.name} status callbacks carry no signature`]);
  }
  const issues = overrideIssues(parsed.data);
  if (issues.length > 0) return invalid(issues);
  const row = await setOverride(provider as ControlProvider, parsed.data, await controlCaller(request));
  return Response.json(forcedOutcomeView(row));
}

/** Clears every forced outcome of the provider, or one scope's (`?scope=any`, `?email=`, `?referencePrefix=`, `?testId=`): 204. */
export async function DELETE(request: Request, { params }: Context) {
  const { provider } = await params;
  const refused = await controlRequestGuard(request, [provider]);
  if (refused) return refused;
  const scope = scopeOfQuery(new URL(request.url).searchParams);
  if (!scope.ok) return Response.json({ error: "Invalid scope", issues: scope.issues }, { status: 400 });
  await clearOverride(provider as ControlProvider, scope.scope);
  return new Response(null, { status: 204 });
}
