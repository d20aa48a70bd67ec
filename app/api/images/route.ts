import { uploadImage } from '@/data/images';
import { getViewer } from '@/data/viewer';
import { env } from '@/lib/env';
import { InvalidInputError } from '@/lib/errors';
import { ImageRejectedError, MAX_UPLOAD_BYTES, MAX_UPLOAD_REQUEST_BYTES, UPLOAD_DRAIN_BYTES, type UploadProblem } from '@/lib/images';
import { can } from '@/lib/permissions';
import { isSameOriginRequest } from '@/lib/same-origin';
import { IMAGE_FIELD_MESSAGES, type ImageFieldCode, imageDetailsSchema, imageFieldErrorCodes } from '@/lib/validation/images';

const LIBRARY = '/dashboard/images';

/**
 * The image upload (docs/images.md): a route handler rather than a server action, so that a file of any size gets a
 * specific answer. Server actions stop at their body limit with a bare error, and proxy.ts would buffer and silently
 * cut bodies over 10 MB; /api/ is outside the proxy, and this handler reads the body itself with a byte cap.
 * Answers with a 303 back to the library, carrying codes (never text) for the messages.
 */
export async function POST(request: Request): Promise<Response> {
  // Route handlers get no CSRF protection from Next: only our own pages may post here.
  if (!isSameOriginRequest(request.headers, [env().SITE_URL])) return plain(403, 'Cross-site uploads are refused.');
  const viewer = await getViewer();
  if (!viewer) return seeOther(`/login?callbackUrl=${encodeURIComponent(LIBRARY)}`);
  if (!can(viewer, 'article:write')) return plain(403, 'Forbidden.');

  const body = await readCapped(request);
  if (body === 'too-large') return back({ fileError: 'too-large' });
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return back({ fileError: 'incomplete' });
  }

  const values = { alt: text(form, 'alt'), credit: text(form, 'credit') };
  const echo = { alt: values.alt.trim().slice(0, 400), credit: values.credit.trim().slice(0, 300) };
  const file = form.get('file');
  const fileError: UploadProblem | undefined = !(file instanceof File) || file.size === 0 ? 'missing-file' : file.size > MAX_UPLOAD_BYTES ? 'too-large' : undefined;
  const parsed = imageDetailsSchema.safeParse(values);
  if (!parsed.success || fileError || !(file instanceof File)) {
    const codes = parsed.success ? {} : imageFieldErrorCodes(parsed.error);
    return back({ fileError, altError: codes.alt, creditError: codes.credit, ...echo });
  }

  try {
    const image = await uploadImage(viewer, { bytes: new Uint8Array(await file.arrayBuffer()), ...parsed.data });
    return back({ uploaded: String(image.id) });
  } catch (error) {
    if (error instanceof ImageRejectedError) return back({ fileError: error.reason, ...echo });
    if (error instanceof InvalidInputError && (error.field === 'alt' || error.field === 'credit')) {
      const code = (Object.keys(IMAGE_FIELD_MESSAGES) as ImageFieldCode[]).find((key) => IMAGE_FIELD_MESSAGES[key] === error.message);
      return back({ [`${error.field}Error`]: code, ...echo });
    }
    console.error('image upload failed', error);
    throw error;
  }
}

/**
 * The request body up to MAX_UPLOAD_REQUEST_BYTES, or 'too-large'. Past the cap the rest is read and dropped (up to
 * UPLOAD_DRAIN_BYTES) so that the browser, still sending, gets our answer rather than a reset connection.
 */
async function readCapped(request: Request): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > UPLOAD_DRAIN_BYTES) {
    await request.body?.cancel().catch(() => {});
    return 'too-large';
  }
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = declared > MAX_UPLOAD_REQUEST_BYTES;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_UPLOAD_REQUEST_BYTES) tooLarge = true;
    if (total > UPLOAD_DRAIN_BYTES) {
      await reader.cancel().catch(() => {});
      break;
    }
    if (!tooLarge) chunks.push(value);
  }
  if (tooLarge) return 'too-large';
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

function back(params: Record<string, string | undefined>): Response {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return seeOther(`${LIBRARY}?${query}`);
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
