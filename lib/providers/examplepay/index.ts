import "server-only";
import { describeProvider } from "@/lib/payments/provider-descriptor";
import { examplePay } from "./adapter";
import { EXAMPLEPAY_SECRET, EXAMPLEPAY_SECRET_FIELDS, EXAMPLEPAY_SETTINGS, examplePaySettings } from "./settings";

/**
 * ExamplePay (test only), as the shop knows it: the worked example of CONTRIBUTING.md's "Add a
 * provider", listed inside `testOnly` (lib/test-only.ts) so only the test servers offer it.
 */
export const examplePayProvider = describeProvider({
  adapter: examplePay,
  settings: {
    schema: EXAMPLEPAY_SETTINGS,
    baseUrlKey: "EXAMPLEPAY_BASE_URL",
    baseUrl: () => examplePaySettings().EXAMPLEPAY_BASE_URL,
  },
  realProviderSecret: {
    key: "EXAMPLEPAY_SECRET",
    where: "the secret ExamplePay issued you (it is a test fixture: there is none)",
    published: EXAMPLEPAY_SECRET.published,
  },
  deploymentSecrets: [EXAMPLEPAY_SECRET],
  secretFields: EXAMPLEPAY_SECRET_FIELDS,
});
