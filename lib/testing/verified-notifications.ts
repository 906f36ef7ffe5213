import { expect } from "vitest";
import type { VerifiedNotification } from "@/lib/payments/types";

/** Asserts a verified notification's kind, and answers it as that variant (its own fields). */
export function ofKind<K extends VerifiedNotification["kind"]>(
  notification: VerifiedNotification,
  kind: K,
): Extract<VerifiedNotification, { kind: K }> {
  expect(notification.kind).toBe(kind);
  return notification as Extract<VerifiedNotification, { kind: K }>;
}
