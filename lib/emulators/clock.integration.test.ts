// @module-tag clock
import { afterEach, describe, expect, it } from "vitest";
import { NOTIFICATION_RETRY_SECONDS } from "@/lib/emulators/pingpong/config";
import { advanceEmulatorClock, emulatorClockNow, postAdvance, resetEmulatorClock } from "@/lib/testing/clock-fixtures";
import { clearOverride, forceNextPayment, listNotifications } from "@/lib/testing/control-fixtures";
import {
  envelope,
  parseNotification,
  payByApm,
  payByCard,
  pingpongApi,
  startCallbackCatcher,
} from "@/lib/testing/pingpong-fixtures";

/** The integration server's EMULATOR_TIME_SCALE (lib/testing/integration-server.ts). */
const TIME_SCALE = 0.001;

const catchers: Awaited<ReturnType<typeof startCallbackCatcher>>[] = [];
async function catcher(statuses: number[]) {
  const started = await startCallbackCatcher(statuses);
  catchers.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(catchers.splice(0).map((c) => c.close()));
  await clearOverride("pingpong");
  await resetEmulatorClock();
});

async function statusOf(transactionId: string) {
  const answer = await pingpongApi("/v4/transaction/query", envelope({ transactionId }));
  return answer.biz?.status;
}

describe("the emulators' clock", () => {
  it("shows real time until moved, and moves forward by the duration asked", async () => {
    expect(await emulatorClockNow()).toMatchObject({ offsetSeconds: 0, realTime: true });
    const report = await advanceEmulatorClock("1 day 6 hours");
    expect(report.advancedSeconds).toBe(30 * 3600);
    const clock = await emulatorClockNow();
    expect(clock).toMatchObject({ offsetSeconds: 30 * 3600, realTime: false });
    expect(Date.parse(clock.now) - Date.now()).toBeGreaterThan(30 * 3600 * 1000 - 60_000);
    await resetEmulatorClock();
    expect(await emulatorClockNow()).toMatchObject({ offsetSeconds: 0, realTime: true });
  });

  it.each([
    [-60, "must not be negative"],
    ["-2 hours", "must not be negative"],
    ["soon", "is not a duration"],
    ["2 fortnights", 'unknown unit "fortnights"'],
    [0, "more than 0"],
    ["400 days", "at most"],
    [null, "required"],
  ])("refuses advance %j with 422 (%s)", async (advance, message) => {
    const { status, json } = await postAdvance(advance);
    expect(status).toBe(422);
    expect(json.issues?.join(" ")).toContain(message);
    expect((await emulatorClockNow()).offsetSeconds).toBe(0);
  });

  it("2 hours later an open AlipayHK QR payment is CLOSED and its CLOSE notification went out", async () => {
    const shop = await catcher([200]);
    const { answer } = await payByApm("AlipayHK", { notificationUrl: shop.url });
    const transactionId = answer.biz?.transactionId as string;
    expect(answer.biz?.status).toBe("PROCESSING");

    // Within the QR code's 15 minutes nothing happens.
    await advanceEmulatorClock("10 minutes");
    expect(await statusOf(transactionId)).toBe("PROCESSING");
    expect(shop.requests).toHaveLength(0);

    const report = await advanceEmulatorClock("2 hours");
    // Only this payment's attempts: rows other tests left pending may fall due too.
    expect(report.attempts.filter((attempt) => attempt.subject === transactionId)).toEqual([
      expect.objectContaining({ provider: "pingpong", httpStatus: 200, status: "delivered" }),
    ]);
    expect(await statusOf(transactionId)).toBe("CLOSED");
    expect(shop.requests).toHaveLength(1);
    const notification = parseNotification(shop.requests[0].body);
    expect(notification.verified).toBe(true);
    expect(notification.biz).toMatchObject({ transactionId, status: "CLOSED" });
  });

  it("8 days later a notification the shop never acknowledges was attempted on every step of PingPong's schedule, in order, then given up", async () => {
    const shop = await catcher([500]);
    // The first attempt an hour late, so every attempt falls inside the advance (none in real time first).
    await forceNextPayment("pingpong", { notification: { mode: "delayed", seconds: 3600 } });
    const { biz, answer } = await payByCard("4111111111111111", { notificationUrl: shop.url });
    const reference = biz.merchantTransactionId as string;
    const transactionId = answer.biz?.transactionId as string;

    const report = await advanceEmulatorClock("8 days");

    const attempts = NOTIFICATION_RETRY_SECONDS.length + 1;
    const ours = report.attempts.filter((attempt) => attempt.subject === transactionId);
    expect(ours).toHaveLength(attempts);
    expect(ours.every((attempt) => attempt.httpStatus === 500 && attempt.status === "gave_up")).toBe(true);
    expect(shop.requests).toHaveLength(attempts);
    const [notification] = (await listNotifications("pingpong", reference)).notifications;
    expect(notification).toMatchObject({ status: "gave_up", attempts, lastHttpStatus: 500 });
    const times = notification.deliveries.map((delivery) => Date.parse(delivery.attemptedAt));
    // Each retry waited its step of the schedule (scaled by the server's EMULATOR_TIME_SCALE), in order.
    NOTIFICATION_RETRY_SECONDS.forEach((seconds, index) => {
      const gap = times[index + 1] - times[index];
      expect(gap).toBeGreaterThanOrEqual(Math.round(seconds * 1000 * TIME_SCALE));
      expect(gap).toBeLessThan(Math.round(seconds * 1000 * TIME_SCALE) + 1000);
    });
  });
});
