import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
import { NextRequest } from "next/server";
import Credentials from "next-auth/providers/credentials";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { isSessionRevoked, revokeSession } from "@/lib/db/queries/sessions";
import { authSecret } from "@/lib/auth-secret";
import { accountWithPassword } from "@/lib/sign-in-account";
import { settings } from "@/lib/env";
import { sameSiteTarget } from "@/lib/safe-redirect";
import { throttledSignIn } from "@/lib/sign-in-guard";

export type Role = "shopper" | "operator";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
  }
}

const credentials = z.object({
  email: z.email().transform((email) => email.trim().toLowerCase()),
  password: z.string().min(1).max(200),
});

/** How long a session lasts (Auth.js's default, 30 days): a revocation is kept that long. */
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Auth.js with email + password (bcrypt hashes in the users table) and JWT sessions. Each session
 * gets an id (`sid`, kept when Auth.js re-issues the token) that sign-out revokes in the database.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  // `__Secure-` cookies with `Secure` when the public address is https, even though a
  // TLS-terminating proxy hands the request over as http.
  useSecureCookies: settings().APP_URL.startsWith("https:"),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        // The hash is checked even when there is no such account (against a dummy): same work either way.
        return throttledSignIn(email, request.headers, () => accountWithPassword(email, password));
      },
    }),
  ],
  callbacks: {
    // Every redirect Auth.js makes (sign-in, sign-out, its `callbackUrl`) goes through the one gate.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${sameSiteTarget(url, baseUrl)}`;
    },
    async jwt({ token, user }) {
      if (user) {
        token.role = user.role ?? "shopper";
        token.uid = user.id;
        token.sid = randomUUID();
        return token;
      }
      // Signed out (or a token from before session ids, which could never be revoked): no session.
      if (typeof token.sid !== "string" || (await isSessionRevoked(token.sid))) return null;
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid ?? token.sub ?? "");
      session.user.role = token.role === "operator" ? "operator" : "shopper";
      return session;
    },
  },
  events: {
    // Every copy of the token (a re-issued one included) carries the same `sid`; none lives longer than the maximum age from now.
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sid : undefined;
      if (typeof sessionId === "string")
        await revokeSession(sessionId, new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000));
    },
  },
}));

const CALLBACK_URL_COOKIES = new Set(["authjs.callback-url", "__Secure-authjs.callback-url"]);

/**
 * The request as Auth.js may see it: a `callbackUrl` query parameter that is not on this site
 * (`javascript:`, another host, not a URL) becomes "/", and such a callback-URL cookie is left
 * out. Auth.js takes either for a configuration error and answers 500; the redirect callback
 * above would not have followed it anyway.
 */
function withSameSiteCallbackUrl(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  const onSite = (value: string) => sameSiteTarget(value, url.origin, "") !== "";
  const param = url.searchParams.get("callbackUrl");
  const badParam = param !== null && !onSite(param);
  const badCookies = request.cookies
    .getAll()
    .filter(({ name, value }) => CALLBACK_URL_COOKIES.has(name) && !onSite(value));
  if (!badParam && badCookies.length === 0) return request;
  if (badParam) url.searchParams.set("callbackUrl", "/");
  const headers = new Headers(request.headers);
  const dropped = new Set(badCookies.map(({ name }) => name));
  const kept = (request.headers.get("cookie") ?? "")
    .split(";")
    .filter((pair) => !dropped.has(pair.split("=")[0].trim()));
  headers.set("cookie", kept.join(";"));
  // `duplex` is what a streamed body needs (Node's fetch); the DOM's RequestInit has no such field.
  return new NextRequest(url, {
    method: request.method,
    headers,
    body: request.body,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
}

/** Auth.js's endpoints (app/api/auth/[...nextauth]), each request through withSameSiteCallbackUrl first. */
export const authRoutes = {
  GET: (request: NextRequest) => handlers.GET(withSameSiteCallbackUrl(request)),
  POST: (request: NextRequest) => handlers.POST(withSameSiteCallbackUrl(request)),
};

export async function currentUser() {
  const session = await auth();
  return session?.user ?? null;
}
