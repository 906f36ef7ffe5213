import "server-only";
import { createHash } from "node:crypto";

/**
 * The order number a shopper reads ("4821-7730"): eight digits derived from the order's id, so it
 * is the same every time and needs no column, and it tells nothing of the id itself (a guest's
 * order page is reached by its unguessable id). Two orders may share one in a hundred million:
 * it names an order to a person, never to the database.
 */
export function orderNumberOf(orderId: string): string {
  const digits = (createHash("sha256").update(orderId).digest().readUInt32BE(0) % 100_000_000)
    .toString()
    .padStart(8, "0");
  return `${digits.slice(0, 4)}-${digits.slice(4)}`;
}
