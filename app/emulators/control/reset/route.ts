import { CONTROL_PROVIDERS } from "@/lib/emulators/control";
import { controlRequestGuard } from "@/lib/emulators/control-access";
import { resetEmulators } from "@/lib/emulators/reset";

/**
 * Empties every emulator's state (demo reset): POST with Content-Type: application/json (body empty
 * or {}). Refused when any provider points at its real service.
 */
export async function POST(request: Request) {
  const refused = await controlRequestGuard(request, CONTROL_PROVIDERS);
  if (refused) return refused;
  return Response.json({ tables: resetEmulators() });
}
