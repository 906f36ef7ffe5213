/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // forbidden() answers 403 for pages an account may not open (the operator console).
  experimental: { authInterrupts: true },
};

export default nextConfig;
