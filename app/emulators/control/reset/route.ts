import { controlGuard } from "@/lib/emulators/control";
import { resetEmulators } from "@/lib/emulators/reset";

/** Empties every emulator's state (demo reset). Refused when any provider points at its real service. */
export function POST() {
  for (const provider of ["pingpayments", "pingpong", "antom", "lesspay"]) {
    const refused = controlGuard(provider);
    if (refused) return refused;
  }
  return Response.json({ tables: resetEmulators() });
}
