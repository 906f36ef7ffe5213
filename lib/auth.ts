import "server-only";
import bcrypt from "bcryptjs";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { findUserByEmail } from "@/lib/db/queries/users";
import { authSecret } from "@/lib/auth-secret";
import { sameSitePath } from "@/lib/safe-redirect";

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

/** Auth.js with email + password (bcrypt hashes in the users table) and JWT sessions. */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt" },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const user = findUserByEmail(parsed.data.email);
        if (!user || !(await bcrypt.compare(parsed.data.password, user.passwordHash))) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    // Every redirect Auth.js makes (sign-in, sign-out, its `callbackUrl`) goes through the one gate.
    redirect({ url, baseUrl }) {
      const path = url === baseUrl || url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${sameSitePath(path, "/")}`;
    },
    jwt({ token, user }) {
      if (user) {
        token.role = user.role ?? "shopper";
        token.uid = user.id;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid ?? token.sub ?? "");
      session.user.role = token.role === "operator" ? "operator" : "shopper";
      return session;
    },
  },
}));

export async function currentUser() {
  const session = await auth();
  return session?.user ?? null;
}
