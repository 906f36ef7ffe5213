import createNextIntlPlugin from "next-intl/plugin";
import { distDirOf } from "./scripts/dist-dirs.mjs";

/** Security headers on every answer (the Content-Security-Policy, per request with a nonce, is set by proxy.ts). */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `.next` for `npm start`; the tests and the bench build elsewhere (scripts/dist-dirs.mjs).
  distDir: distDirOf(),
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  experimental: {
    // forbidden() answers 403 for pages an account may not open (the operator console).
    authInterrupts: true,
    // Next's own limit (its default), stated: proxy.ts refuses a bigger action body first with 413
    // (lib/security/request-body.ts MAX_BODY_BYTES, kept equal by a unit test); Next would answer 500.
    serverActions: { bodySizeLimit: "1mb" },
  },
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

// next-intl reads the request's language and its messages from i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

export default withNextIntl(nextConfig);
