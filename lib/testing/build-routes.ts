import { EMULATORS } from "@/lib/emulators";

/** The build's one route to every emulator's API (app/emulators/[emulator]/[...path]). */
export const EMULATOR_API_ROUTE = "/emulators/[emulator]/[...path]";

/**
 * A route of the build's manifest as the suites walk it: the emulators' catch-all stands for every
 * pattern of every emulator's route table (`/emulators/<id>/v4/payment/refund`, ...), any other
 * route for itself.
 */
export function routesOf(route: string): string[] {
  if (route !== EMULATOR_API_ROUTE) return [route];
  return EMULATORS.flatMap(({ id, routes }) => routes.map(({ path }) => `/emulators/${id}${path}`));
}
