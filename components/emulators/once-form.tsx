"use client";

import { useState } from "react";

/**
 * A plain HTML form (it posts without JavaScript) whose submit buttons are disabled once it is
 * sent, so a double click posts once.
 */
export function OnceForm({ action, children, className }: { action: string; children: React.ReactNode; className?: string }) {
  const [sent, setSent] = useState(false);
  return (
    <form
      action={action}
      method="post"
      className={className}
      onSubmit={(event) => {
        if (sent) event.preventDefault();
        setSent(true);
      }}
    >
      <fieldset disabled={sent} className="contents">
        {children}
      </fieldset>
    </form>
  );
}
