"use client";

import { useRef } from "react";

/**
 * A plain HTML form (it posts without JavaScript) that posts once: a second submit is
 * cancelled, and the buttons are disabled right after the browser has gathered the fields
 * (disabling anything during the submit event itself would drop it from the post).
 */
export function OnceForm({
  action,
  children,
  className,
}: {
  action: string;
  children: React.ReactNode;
  className?: string;
}) {
  const sent = useRef(false);
  return (
    <form
      action={action}
      method="post"
      className={className}
      onSubmit={(event) => {
        if (sent.current) {
          event.preventDefault();
          return;
        }
        sent.current = true;
        const form = event.currentTarget;
        setTimeout(() => form.querySelectorAll("button").forEach((button) => (button.disabled = true)), 0);
      }}
    >
      {children}
    </form>
  );
}
