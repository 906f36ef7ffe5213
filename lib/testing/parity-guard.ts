/**
 * What a parity run refuses at run time: a test's own call to the emulators' control plane, which a
 * real provider does not have (lib/testing/parity.mjs). The e2e `request` fixture is wrapped with it
 * (e2e/support/test.ts), so the failure names the test and the call, not a 404 of a closed route.
 */
const CONTROL_PLANE = /\/emulators\/control(\/|\?|$)/;

export const REACHES_INTO_THE_EMULATOR =
  "Parity run: this test calls the emulators' control plane, which a real provider does not have. Tag it for what it needs (lib/testing/parity.mjs) or make it use the documented API only";

/** `client` with every method whose first argument is a control-plane URL refused. */
export function refusingControlPlane<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const url = typeof args[0] === "string" ? args[0] : args[0] instanceof URL ? args[0].href : "";
        if (CONTROL_PLANE.test(url)) throw new Error(`${REACHES_INTO_THE_EMULATOR}: ${url}`);
        return value.apply(target, args);
      };
    },
  });
}
