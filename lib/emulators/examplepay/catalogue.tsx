import { examplePayAccount } from "./config";

/** ExamplePay (test only): the tests' sixth provider, described in lib/emulators/examplepay/README.md. */
export function ExamplePayCatalogue() {
  return (
    <section className="space-y-3" data-testid="examplepay-section">
      <h2 className="text-xl font-semibold">ExamplePay (test only)</h2>
      <p className="text-sm text-slate-600">
        The tests&apos; own provider (listed only on test servers). API at{" "}
        <code>/emulators/examplepay/v1/payments</code>, merchant <code>{examplePayAccount().merchantId}</code>, requests
        and notifications signed with HMAC-SHA256 of the body. Its hosted page approves or declines; see{" "}
        <code>lib/emulators/examplepay/README.md</code>.
      </p>
    </section>
  );
}
