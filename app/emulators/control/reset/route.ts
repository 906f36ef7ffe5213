import { EMULATORS } from "@/lib/emulators";
import { controlRequestGuard } from "@/lib/emulators/control-access";
import { resetEmulators } from "@/lib/emulators/reset";

/**
 * Empties every emulator's state (demo reset): POST with Content-Type: application/json (body empty
 * or {}). Refused when any provider points at its real service.
 */
export async function POST(request: Request) {
  const refused = await controlRequestGuard(
    request,
    EMULATORS.map((emulator) => emulator.id),
  );
  if (refused) return refused;
  return Response.json({ tables: await resetEmulators() });
}
