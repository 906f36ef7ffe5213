"use client";

import { useState } from "react";
import type { CardFieldErrors } from "@/lib/cards";
import type { PaymentMethod } from "@/lib/payments/types";
import { CardFields } from "./card-fields";
import { methodKey, PaymentMethodList } from "./payment-method-list";
import type { RiskConfig } from "./pingpong-risk";

/** The method list, and the card form when a card method is chosen (with its provider's risk plugin). */
export function PaymentSection({
  methods,
  risk,
  error,
  cardErrors,
  merchantUserId,
}: {
  methods: readonly PaymentMethod[];
  risk?: Partial<Record<string, RiskConfig>>;
  error?: string;
  cardErrors?: CardFieldErrors;
  merchantUserId?: string;
}) {
  const [selected, setSelected] = useState(methods[0] ? methodKey(methods[0]) : "");
  const method = methods.find((m) => methodKey(m) === selected);
  return (
    <div className="space-y-4">
      <PaymentMethodList methods={methods} selected={selected} onSelect={setSelected} error={error} />
      {method?.kind === "card" && <CardFields key={method.provider} risk={risk?.[method.provider]} serverErrors={cardErrors} merchantUserId={merchantUserId} />}
    </div>
  );
}
