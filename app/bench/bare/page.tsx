import { notFound } from "next/navigation";
import { benchComparatorsEnabled } from "@/lib/bench/enabled";
import { BareForm } from "./form";

export const dynamic = "force-dynamic";

/**
 * The benchmark's bare page: the root layout and a minimal server-action form, nothing else.
 * Its first-load JS is the floor the checkout page is compared with; its form is the bare round
 * trip "Pay" is compared with.
 */
export default function BarePage() {
  if (!benchComparatorsEnabled()) notFound();
  return (
    <main>
      <h1>Bare page</h1>
      <BareForm />
    </main>
  );
}
