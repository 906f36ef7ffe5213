import { antom } from "./antom";
import type { EmulatorDescriptor } from "./descriptor";
import { examplepay } from "./examplepay";
import { lesspay } from "./lesspay";
import { testOnly } from "@/lib/test-only";
import { pingpayments } from "./pingpayments";
import { pingpong } from "./pingpong";

/**
 * The one list of emulators: the catch-all route, the control plane, reset, the outbox worker and
 * the /emulators catalogue iterate over it (in this order). An emulator is one folder
 * (lib/emulators/<id>/, its hosted pages in app/emulators/<id>/) and one line here. Emulators inside
 * `testOnly([...])` are the tests' fixtures: listed only on the test servers (lib/test-only.ts).
 */
export const EMULATORS: readonly EmulatorDescriptor[] = [
  pingpayments,
  pingpong,
  antom,
  lesspay,
  ...testOnly([examplepay]),
];

/** The emulator with this id, if any. */
export function findEmulator(id: string): EmulatorDescriptor | undefined {
  return EMULATORS.find((emulator) => emulator.id === id);
}
