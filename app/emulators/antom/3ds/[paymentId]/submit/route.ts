import { finishChallenge } from "@/lib/emulators/antom/api";
import { formText } from "@/lib/emulators/form-redirect";

/** The bank's one-time-code form posts here (plain HTML form); 303 to paymentRedirectUrl. */
export async function POST(request: Request, { params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  const form = await formText(request);
  if (form instanceof Response) return form;
  const step = await finishChallenge(paymentId, form.code ?? "");
  if ("notFound" in step) return new Response("Unknown payment", { status: 404 });
  return new Response(null, { status: 303, headers: { location: new URL(step.redirect, request.url).toString() } });
}
