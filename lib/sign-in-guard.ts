import "server-only";
import { CredentialsSignin } from "next-auth";
import { clientAddress } from "@/lib/security/client-address";
import { withLimitCounters } from "@/lib/db/queries/shared-state";
import { FailureThrottle, type FailureCount, type ThrottleKey, type ThrottleRule } from "@/lib/sign-in-throttle";

const MINUTE = 60_000;

/**
 * Per account: five typos are free, then 1 s, 2 s, 4 s... up to 15 minutes between tries, so
 * the 11th wrong password comes a minute after the first at the earliest (and then 15 minutes
 * apart: about four guesses an hour).
 */
const PER_ACCOUNT: ThrottleRule = {
  freeFailures: 5,
  firstDelayMs: 1000,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 60 * MINUTE,
};
/** Per client address: more are free (people share an office or a phone network's address); the same growth after. */
const PER_ADDRESS: ThrottleRule = {
  freeFailures: 20,
  firstDelayMs: 1000,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 60 * MINUTE,
};

/** A kept state as the throttle reads it: `{}` is a key with no failure remembered. */
function failureCountOf(state: unknown): FailureCount | undefined {
  const entry = state as Partial<FailureCount> | null;
  return typeof entry?.count === "number" && typeof entry.lastAt === "number"
    ? { count: entry.count, lastAt: entry.lastAt }
    : undefined;
}

/**
 * Runs `use` on a throttle over the keys' failures as the shop's database keeps them (every
 * instance counts the same), and keeps what it leaves, in one write transaction.
 */
function withThrottle<Answer>(
  keys: readonly string[],
  use: (throttle: FailureThrottle) => { answer: Answer; changed: boolean },
): Promise<Answer> {
  return withLimitCounters(keys, {}, (states) => {
    const failures = new Map<string, FailureCount>();
    for (const [key, state] of states) {
      const entry = failureCountOf(state);
      if (entry) failures.set(key, entry);
    }
    const throttle = new FailureThrottle(failures);
    const { answer, changed } = use(throttle);
    return { answer, keep: changed ? new Map(keys.map((key) => [key, failures.get(key) ?? {}])) : undefined };
  });
}

/** Auth.js passes the code on (`/login?error=CredentialsSignin&code=too_many_attempts`); the login action reads `waitMs`. */
export const TOO_MANY_ATTEMPTS_CODE = "too_many_attempts";

export class TooManySignInAttempts extends CredentialsSignin {
  code = TOO_MANY_ATTEMPTS_CODE;
  constructor(readonly waitMs: number) {
    super();
  }
}

function keysOf(email: string, headers: Headers): ThrottleKey[] {
  return [
    { key: `sign-in:account:${email}`, rule: PER_ACCOUNT },
    // The address as this deployment can tell it (X-Forwarded-For believed only from TRUSTED_PROXIES).
    { key: `sign-in:address:${clientAddress(headers) ?? "unknown"}`, rule: PER_ADDRESS },
  ];
}

/**
 * Checks a sign-in of `email` (normalised) from the request with `headers`: refuses it while the
 * account or the address must wait (even with the right password: otherwise the wait proves
 * nothing), else counts it as a wrong password against both and runs `check`; a right password
 * clears the account's count and takes the attempt off the address's.
 */
export async function throttledSignIn<T>(
  email: string,
  headers: Headers,
  check: () => Promise<T | null>,
): Promise<T | null> {
  const [account, address] = keysOf(email, headers);
  const keys = [account.key, address.key];
  const waitMs = await withThrottle(keys, (throttle) => {
    const wait = throttle.attempt([account, address]);
    return { answer: wait, changed: wait === 0 };
  });
  if (waitMs > 0) throw new TooManySignInAttempts(waitMs);
  const user = await check();
  if (user)
    await withThrottle(keys, (throttle) => {
      throttle.succeeded(account.key, [address.key]);
      return { answer: undefined, changed: true };
    });
  return user;
}
