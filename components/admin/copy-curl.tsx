"use client";

import { useState } from "react";

/** Copies an API call as a curl command (its body as logged: card data and secrets are redacted). */
export function CopyCurl({ method, url, body }: { method: string; url: string; body?: unknown }) {
  const [copied, setCopied] = useState(false);
  const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
  const command = [
    `curl -X ${method} ${quote(url)}`,
    "-H 'content-type: application/json'",
    body === undefined ? "" : `--data ${quote(typeof body === "string" ? body : JSON.stringify(body))}`,
  ]
    .filter(Boolean)
    .join(" \\\n  ");
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard?.writeText(command).then(() => setCopied(true));
      }}
      className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100"
      title={command}
    >
      {copied ? "Copied" : "Copy as curl"}
    </button>
  );
}
