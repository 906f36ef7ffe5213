import { listNotifications } from "@/lib/emulators/control";
import { controlReadByReference } from "@/lib/emulators/control-access";

/** QA console: GET ?reference=<provider's payment id or merchant's reference> → {notifications: [...]}, newest first. */
export const GET = controlReadByReference((provider, reference) =>
  Response.json({ notifications: listNotifications(provider, reference) }),
);
