"use client";

import { useEffect } from "react";
import type { PaymentFormState } from "@/app/(shop)/checkout/actions";
import { triggerThreeDs } from "./pingpong-risk";

/** When a payment form's answer asks for 3-D Secure, hand over to the provider's script. */
export function useThreeDs(state: PaymentFormState): boolean {
  const threeDs = state.threeDs;
  useEffect(() => {
    if (threeDs) triggerThreeDs(threeDs.params, threeDs.challengeUrl, threeDs.orderUrl);
  }, [threeDs]);
  return Boolean(threeDs);
}
