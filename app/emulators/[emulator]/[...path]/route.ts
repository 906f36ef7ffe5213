import { findEmulator } from "@/lib/emulators";
import { dispatch } from "@/lib/emulators/routes";

type Context = { params: Promise<{ emulator: string; path: string[] }> };

/**
 * Every emulator's API: the request goes to its route table (lib/emulators/<id>/index.ts). Hosted
 * pages and their forms' routes are folders of their own (app/emulators/<id>/...): Next serves
 * those first. A path no table knows is a 404, as Next answers it.
 */
async function handle(request: Request, { params }: Context): Promise<Response> {
  const { emulator, path } = await params;
  const answer = await dispatch(findEmulator(emulator)?.routes ?? [], request, path);
  return answer ?? new Response(null, { status: 404 });
}

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;
