import { handleApi } from "@/lib/emulators/lesspay/api";

/** Lesspay's pay API: create-order and query-order (POST JSON, x-auth-* headers, signed). */
export async function POST(request: Request, { params }: { params: Promise<{ action: string }> }) {
  const { action } = await params;
  return handleApi(request, action);
}
