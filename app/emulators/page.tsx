import Link from "next/link";
import type { ComponentType } from "react";
import { CatalogueTabs } from "@/components/emulators/catalogue-tabs";
import { ForcedOutcomeForm } from "@/components/emulators/forced-outcome-form";
import { EMULATORS } from "@/lib/emulators";
import { formatCard } from "@/lib/emulators/catalogue-format";
import { timeScale } from "@/lib/emulators/clock";
import {
  forcedOutcomeView,
  listOverrides,
  OUT_OF_ORDER_GAP_SECONDS,
  TEST_ID_HEADER,
  TIMEOUT_HOLD_SECONDS,
} from "@/lib/emulators/control";
import { mayUseControlPlane } from "@/lib/emulators/control-access";
import { controlGuard } from "@/lib/emulators/control-guard";
import type { CatalogueSectionProps } from "@/lib/emulators/descriptor";
import { listOutbox } from "@/lib/emulators/outbox";
import { CHALLENGE_PASS_CODE, testCards } from "@/lib/emulators/test-cards";
import { isControlPlaneClosed, isStandaloneEmulators } from "@/lib/serve-mode";

export const metadata = { title: "Test data" };
export const dynamic = "force-dynamic";

/** The test data of every emulator: the shared cards, then a tab per emulator (in the list's order) opening with its forced-outcome form, and the outbox. */
export default async function EmulatorCatalogue({ searchParams }: { searchParams: Promise<{ provider?: string }> }) {
  const { provider } = await searchParams;
  const deliveries = (await listOutbox(200)).reverse().slice(0, 30);
  // Public mode: the test data is for anyone; what changes the emulators only for an operator: the
  // forced-outcome forms, and the latest wallet tokens (each links to a wallet app that unlinks it).
  const mayForce = await mayUseControlPlane();
  // `npm run emulators` (lib/serve-mode.ts): no shop to go back to or to sign in at.
  const standalone = isStandaloneEmulators();
  const sections = new Map<string, ComponentType<CatalogueSectionProps>>(
    await Promise.all(EMULATORS.map(async (emulator) => [emulator.id, await emulator.catalogue()] as const)),
  );
  const forced = await Promise.all(
    EMULATORS.map(async (emulator) => {
      const enabled = !controlGuard(emulator.id);
      return { emulator, enabled, pending: enabled ? (await listOverrides(emulator.id)).map(forcedOutcomeView) : [] };
    }),
  );
  return (
    <main className="mx-auto max-w-5xl space-y-10 px-4 py-10 text-slate-900">
      <header className="space-y-2">
        {standalone ? (
          <p className="text-sm text-slate-600" data-testid="standalone-emulators">
            The emulators alone (<code>npm run emulators</code>): no shop is served here.
          </p>
        ) : (
          <Link href="/" className="text-sm text-slate-600 underline">
            ← Back to the shop
          </Link>
        )}
        <h1 className="text-3xl font-semibold">Provider emulators: test data</h1>
        <p className="max-w-3xl text-slate-600">
          Every provider runs here as a local emulator that speaks its own wire format. No provider publishes test
          cards, so they share this catalogue: pick a card, an amount or a name to force an outcome. Any future expiry
          and any CVC work unless a row says otherwise. The emulator clock runs at ×{timeScale()} (set{" "}
          <code>EMULATOR_TIME_SCALE</code>).
        </p>
      </header>

      <CatalogueTabs
        label="Providers"
        initial={provider ?? ""}
        tabs={[
          { key: "", label: "Test cards", panel: <TestCardsAndForcing /> },
          ...forced.map(({ emulator, enabled, pending }) => {
            const Section = sections.get(emulator.id)!;
            return {
              key: emulator.id,
              label: emulator.name,
              panel: (
                <>
                  {mayForce ? (
                    <ForcedOutcomeForm
                      provider={emulator.id}
                      label={emulator.name}
                      initial={pending}
                      noSignature={!emulator.signsNotifications}
                      scopeFields={emulator.scopeFields}
                      disabledReason={
                        enabled
                          ? undefined
                          : "Control is disabled: the shop's base URL for this provider points at the real provider."
                      }
                    />
                  ) : (
                    <NoForcing standalone={standalone} />
                  )}
                  <Section mayForce={mayForce} />
                </>
              ),
            };
          }),
        ]}
      />

      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Latest notifications sent</h2>
        <table className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm" data-testid="outbox">
          <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
            <tr>
              <th className="p-3">#</th>
              <th className="p-3">Provider</th>
              <th className="p-3">Type</th>
              <th className="p-3">About</th>
              <th className="p-3">Status</th>
              <th className="p-3">Attempts</th>
              <th className="p-3">Last answer</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {deliveries.map((row) => (
              <tr key={row.id}>
                <td className="p-3">{row.id}</td>
                <td className="p-3">{row.provider}</td>
                <td className="p-3 font-mono text-xs">{row.type ?? "—"}</td>
                <td className="p-3 font-mono text-xs">{row.subject}</td>
                <td className="p-3">{row.status}</td>
                <td className="p-3">{row.attempts}</td>
                <td className="p-3">{row.lastHttpStatus ?? row.lastError ?? "—"}</td>
              </tr>
            ))}
            {deliveries.length === 0 && (
              <tr>
                <td colSpan={7} className="p-4 text-center text-slate-600">
                  Nothing sent yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
    </main>
  );
}

/** The first tab: the cards every card-taking emulator shares, and how forcing an outcome works. */
function TestCardsAndForcing() {
  return (
    <>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Cards (every card-taking emulator)</h2>
        <table
          className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm"
          data-testid="test-cards"
        >
          <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
            <tr>
              <th className="p-3">Card number</th>
              <th className="p-3">Brand</th>
              <th className="p-3">Outcome</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {testCards().map((card) => (
              <tr key={card.number}>
                <td className="p-3 font-mono">{formatCard(card.number)}</td>
                <td className="p-3">{card.brand}</td>
                <td className="p-3">{card.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-sm text-slate-600">
          Any other Luhn-valid number is approved. The 3-D Secure challenge code that passes is {CHALLENGE_PASS_CODE}.
        </p>
      </section>

      <section className="space-y-3" data-testid="forced-outcomes">
        <h2 className="text-xl font-semibold">Forced outcomes</h2>
        <p className="text-sm text-slate-600">
          Force the outcome of a provider&apos;s <em>next</em> payment, whatever card or name it uses (one-shot: the
          next payment the emulator creates takes it). The outcome replaces the card&apos;s on card flows. Give it a
          scope so that testers and parallel test workers do not take each other&apos;s: a shopper email, a merchant
          reference prefix (each tab names the request fields they are read from), or a test id, the{" "}
          <code>{TEST_ID_HEADER}</code> header your backend adds to its calls to the emulator. One forced outcome per
          scope waits at a time; a payment takes the one that fits it best: test id, then email, then the longest
          reference prefix, then the unscoped one (any payment). Each tab lists who set which, and when. Faults answer
          that create-payment call badly: <code>timeout</code> (held {TIMEOUT_HOLD_SECONDS} s unless the hold says
          otherwise, then 504), <code>http_500</code>, <code>html</code> (a proxy&apos;s 502 page),{" "}
          <code>malformed_json</code> (a 200 with cut-off JSON). A fault stores nothing, unless <em>after charging</em>{" "}
          is set: then the payment is made and approved first (its notification follows the mode below) and only the
          answer is lost. A hold keeps a stored payment&apos;s answer back that many real seconds (with{" "}
          <code>approve</code>: then answers normally). The charges a provider recorded for a merchant reference:{" "}
          <code>GET /emulators/control/&lt;provider&gt;/charges?reference=…</code>. Notifications: delayed by the given
          seconds (scaled), duplicated count times (default 2), out of order (the final one followed by a stale earlier
          status, {OUT_OF_ORDER_GAP_SECONDS} s later unless seconds say otherwise), dropped, or sent with a corrupted
          signature. API: <code>GET|POST|DELETE /emulators/control/&lt;provider&gt;/next-payment</code> (POST takes an
          optional <code>scope</code>: exactly one of <code>email</code>, <code>referencePrefix</code>,{" "}
          <code>testId</code>; GET lists them all; DELETE clears all, or one with <code>?email=</code>,{" "}
          <code>?referencePrefix=</code>, <code>?testId=</code> or <code>?scope=any</code>); notifications of a payment
          at <code>/emulators/control/&lt;provider&gt;/notifications?reference=…</code> (and <code>&amp;type=…</code>,
          its kind, or the type alone), replay with <code>POST …/notifications/&lt;id&gt;/replay</code>. Every POST is
          JSON (<code>Content-Type: application/json</code>, even without a body) and none is taken from another site
          (403). On a public deployment every control request needs an operator&apos;s session or{" "}
          <code>Authorization: Bearer $EMULATOR_CONTROL_TOKEN</code>.
        </p>
        <p className="text-sm text-slate-600" data-testid="emulator-clock-help">
          Time: <code>POST /emulators/control/clock</code> with <code>{'{"advance": "2 hours"}'}</code> (or{" "}
          <code>&quot;8 days&quot;</code>, or seconds) moves every emulator&apos;s clock forward and first runs what
          became due, in order: QR codes expiring, pending payments settling, every retry of a notification until
          delivered or given up; <code>GET</code> shows it, <code>DELETE</code> (or reset) returns to real time. Keys:{" "}
          <code>POST /emulators/control/&lt;provider&gt;/signing-secret</code> with{" "}
          <code>{'{"window": "24 hours"}'}</code> rotates a shared secret; the old one works until the window ends on
          that clock.
        </p>
        <p className="text-sm text-slate-700">Each provider&apos;s tab starts with its form.</p>
      </section>
    </>
  );
}

/**
 * In place of a provider's form, for a visitor who may not use the control plane: closed
 * (EMULATOR_CONTROL=closed), or a public deployment's visitor who is no operator (the emulators
 * alone have no sign-in: the control plane's API takes the token).
 */
function NoForcing({ standalone }: { standalone: boolean }) {
  if (isControlPlaneClosed()) {
    return (
      <p className="text-sm text-slate-700" data-testid="forced-outcomes-closed">
        The control plane is closed on this server (<code>EMULATOR_CONTROL=closed</code>): outcomes follow the test
        cards only.
      </p>
    );
  }
  if (standalone) {
    return (
      <p className="text-sm text-slate-700" data-testid="forced-outcomes-token">
        This is a public server: force outcomes through the control plane&apos;s API with{" "}
        <code>Authorization: Bearer $EMULATOR_CONTROL_TOKEN</code>.
      </p>
    );
  }
  return <SignInToForce />;
}

/** The sign-in link of a public shop's visitor. */
function SignInToForce() {
  return (
    <p className="text-sm text-slate-700" data-testid="forced-outcomes-sign-in">
      <Link href="/login?callbackUrl=%2Femulators" className="underline">
        Sign in as an operator to force outcomes
      </Link>{" "}
      (this is a public demo: anyone may read the test data, only an operator may change the emulators).
    </p>
  );
}
