import { antom } from "./antom";
import type { EmulatorDescriptor } from "./descriptor";
import { lesspay } from "./lesspay";
import { pingpayments } from "./pingpayments";
import { pingpong } from "./pingpong";

/**
 * The one list of emulators: the catch-all route, the control plane, reset, the outbox worker and
 * the /emulators catalogue iterate over it (in this order). An emulator is one folder
 * (lib/emulators/<id>/, its hosted pages in app/emulators/<id>/) and one line here.
 */
export const EMULATORS: readonly EmulatorDescriptor[] = [pingpayments, pingpong, antom, lesspay];

/** The emulator with this id, if any. */
export function findEmulator(id: string): EmulatorDescriptor | undefined {
  return EMULATORS.find((emulator) => emulator.id === id);
}
