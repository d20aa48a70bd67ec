import { uploadImage } from '@/data/images';
import { getViewer } from '@/data/viewer';
import { env } from '@/lib/env';
import { ImageRejectedError, InvalidInputError } from '@/lib/errors';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_REQUEST_BYTES, UPLOAD_DRAIN_BYTES, type UploadProblem } from '@/lib/images';
import { can } from '@/lib/permissions';
import { salvageTextFields } from '@/lib/multipart-salvage';
import { editorReturnPath, toPickerPicture } from '@/lib/picture-picker';
import { isSameOriginRequest } from '@/lib/same-origin';
import { IMAGE_FIELD_MESSAGES, type ImageFieldCode, imageDetailsSchema, imageFieldErrorCodes, readUploadFeedback } from '@/lib/validation/images';

const LIBRARY = '/dashboard/images';

/**
 * The image upload (docs/images.md): a route handler rather than a server action, so that a file of any size gets a
 * specific answer. Server actions stop at their body limit with a bare error, and proxy.ts would buffer and silently
 * cut bodies over 10 MB; /api/ is outside the proxy, and this handler reads the body itself with a byte cap.
 * Answers with a 303 back to the library, carrying codes (never text) for the messages; or back to the story editor
 * it was sent from (`returnTo`), the new picture chosen as the hero; or, asked for JSON (the editor's upload with
 * JavaScript), with the picture or the messages (docs/adr/0014).
 */
export async function POST(request: Request): Promise<Response> {
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  // Where the redirects go: the editor's upload names its page in the query string, read before the body.
  const returnTo = editorReturnPath(new URL(request.url).searchParams.get('returnTo')) ?? LIBRARY;
  const back = (params: Record<string, string | undefined>) => (wantsJson ? json(400, { ok: false, fieldErrors: messagesOf(params) }) : backTo(returnTo, params));
  // Route handlers get no CSRF protection from Next: only our own pages may post here.
  if (!isSameOriginRequest(request.headers, [env().SITE_URL])) return plain(403, 'Cross-site uploads are refused.');
  const viewer = await getViewer();
  if (!viewer) return wantsJson ? json(401, { ok: false, fieldErrors: { file: ['Your session has ended. Sign in again (in another tab, so nothing here is lost).'] } }) : seeOther(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(viewer, 'article:write')) return plain(403, 'Forbidden.');

  const contentType = request.headers.get('content-type') ?? '';
  const body = await readCapped(request);
  if (!body.complete) {
    // Nothing typed is lost: the text fields found whole at either end of the body go back into the form.
    const salvaged = salvageTextFields(contentType, body.edges);
    return back({ fileError: 'too-large', ...echoOf({ alt: salvaged.alt ?? '', credit: salvaged.credit ?? '' }) });
  }
  let form: FormData;
  try {
    form = await new Response(body.bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return back({ fileError: 'incomplete' });
  }

  const values = { alt: text(form, 'alt'), credit: text(form, 'credit') };
  const echo = echoOf(values);
  const file = form.get('file');
  const fileError: UploadProblem | undefined = !(file instanceof File) || file.size === 0 ? 'missing-file' : file.size > MAX_UPLOAD_BYTES ? 'too-large' : undefined;
  const parsed = imageDetailsSchema.safeParse(values);
  if (!parsed.success || fileError || !(file instanceof File)) {
    const codes = parsed.success ? {} : imageFieldErrorCodes(parsed.error);
    return back({ fileError, altError: codes.alt, creditError: codes.credit, ...echo });
  }

  try {
    const image = await uploadImage(viewer, { bytes: new Uint8Array(await file.arrayBuffer()), ...parsed.data });
    if (wantsJson) return json(201, { ok: true, picture: toPickerPicture(image) });
    return backTo(returnTo, { uploaded: String(image.id) });
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

/** How much of the start and of the end of a refused body is kept, to find the text fields typed beside the file. */
const KEPT_EDGE_BYTES = 64 * 1024;

type CappedBody = { complete: true; bytes: Uint8Array<ArrayBuffer> } | { complete: false; edges: Uint8Array[] };

/**
 * The request body up to MAX_UPLOAD_REQUEST_BYTES, or, past the cap, its first and last KEPT_EDGE_BYTES. The rest is
 * read and dropped (up to UPLOAD_DRAIN_BYTES) so that the browser, still sending, gets our answer rather than a reset
 * connection.
 */
async function readCapped(request: Request): Promise<CappedBody> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  const reader = request.body?.getReader();
  if (!reader) return { complete: true, bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let tail: Uint8Array[] = [];
  let tailBytes = 0;
  let total = 0;
  let tooLarge = declared > MAX_UPLOAD_REQUEST_BYTES;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_UPLOAD_REQUEST_BYTES) tooLarge = true;
    // Keep the head always; past the cap keep a rolling tail too.
    if (!tooLarge || total - value.byteLength < KEPT_EDGE_BYTES) chunks.push(value);
    else {
      tail.push(value);
      tailBytes += value.byteLength;
      while (tail.length > 1 && tailBytes - tail[0]!.byteLength >= KEPT_EDGE_BYTES) tailBytes -= tail.shift()!.byteLength;
    }
    if (total > UPLOAD_DRAIN_BYTES || (declared > UPLOAD_DRAIN_BYTES && total >= KEPT_EDGE_BYTES)) {
      await reader.cancel().catch(() => {});
      tail = [];
      break;
    }
  }
  const joined = join(chunks);
  return tooLarge ? { complete: false, edges: [joined.subarray(0, KEPT_EDGE_BYTES), join(tail)] } : { complete: true, bytes: joined };
}

function join(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** What goes back into the form after a refusal (bounded: it travels in the URL). */
function echoOf(values: { alt: string; credit: string }) {
  return { alt: values.alt.trim().slice(0, 400), credit: values.credit.trim().slice(0, 300) };
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

function backTo(path: string, params: Record<string, string | undefined>): Response {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  // Back in the editor, at the picker (after an upload) or at the upload form (after a refusal).
  const anchor = path === LIBRARY ? '' : params.uploaded ? '#hero-picture' : '#picture-upload';
  return seeOther(`${path}?${query}${anchor}`);
}

/** The same codes as the redirect carries, as the messages the form shows (lib/validation/images.ts). */
function messagesOf(params: Record<string, string | undefined>) {
  const feedback = readUploadFeedback(Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)));
  return feedback.fieldErrors;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
