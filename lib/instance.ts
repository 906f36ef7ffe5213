import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/**
 * This process among the shop's instances: the holder of the leases it takes (lib/db/queries/
 * shared-state.ts). Host and process id for a person reading the leases table, and a random part
 * so a restarted process with the same pid is another holder.
 */
const id: string = ((globalThis as Record<string, unknown>).__shopInstanceId ??=
  `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`) as string;

export function instanceId(): string {
  return id;
}
