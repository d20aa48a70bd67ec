import fs from 'node:fs';
import path from 'node:path';

import { isSameOriginRequest } from './same-origin';

/**
 * Server-action requests, checked before Next sees them (proxy.ts, docs/adr/0019). Next registers more than the
 * site's actions as server references (every `'use cache'` function is one, with arguments its caller chooses) and
 * answers a malformed, oversized or cross-site action post with a 500. Here only the project's own actions (files in
 * actions/) may be called, and every refusal is a 4xx with a plain sentence.
 */

/** Next's own limit for a server action's body (`serverActions.bodySizeLimit`, 1 MB unless configured). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** Where a build records its server references: id -> the source file and export it runs. */
export const SERVER_REFERENCE_MANIFEST = path.join('server', 'server-reference-manifest.json');

/** The folder whose exports are the site's actions. Nothing else may be called from outside. */
const ACTIONS_DIR = 'actions/';

export type ActionRefusal = { status: 400 | 403 | 404 | 413; message: string };

const REFUSALS = {
  crossSite: { status: 403, message: 'This form belongs to another site.' },
  unknown: { status: 404, message: 'There is no such action.' },
  tooLarge: { status: 413, message: 'This request is too large.' },
  malformed: { status: 400, message: 'This request could not be read.' },
} as const satisfies Record<string, ActionRefusal>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The ids of the project's own actions in a build's server-reference manifest (its `node` and `edge` entries). */
export function projectActionIds(manifest: unknown): ReadonlySet<string> {
  if (!isObject(manifest)) throw new Error('The server-reference manifest is not an object.');
  const ids = new Set<string>();
  for (const runtime of [manifest.node, manifest.edge]) {
    if (!isObject(runtime)) continue;
    for (const [id, entry] of Object.entries(runtime)) {
      if (isObject(entry) && typeof entry.filename === 'string' && entry.filename.startsWith(ACTIONS_DIR)) ids.add(id);
    }
  }
  return ids;
}

/**
 * The project's action ids of the build in `distDir`. Ids belong to a build, so each instance reads its own: the set
 * is exactly what its Next could run. A build without the manifest cannot run actions at all: that is a start-up
 * error, not a site that answers every form with 404.
 */
export function loadProjectActionIds(distDir: string): ReadonlySet<string> {
  const file = path.join(distDir, SERVER_REFERENCE_MANIFEST);
  return projectActionIds(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/**
 * The action ids a form post names in its fields, as Next reads them for a form sent without JavaScript:
 * `$ACTION_ID_<id>`, or `$ACTION_REF_<n>` with the reference in `$ACTION_<n>:0` (`{"id": …, "bound": …}`).
 * Null when a reference cannot be read.
 */
export function formActionIds(form: FormData): string[] | null {
  const ids: string[] = [];
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION_ID_')) ids.push(key.slice('$ACTION_ID_'.length));
    else if (key.startsWith('$ACTION_REF_')) {
      const reference = form.get(`$ACTION_${key.slice('$ACTION_REF_'.length)}:0`);
      if (typeof reference !== 'string') return null;
      try {
        const parsed: unknown = JSON.parse(reference);
        if (!isObject(parsed) || typeof parsed.id !== 'string') return null;
        ids.push(parsed.id);
      } catch {
        return null;
      }
    }
  }
  return ids;
}

function isMultipart(contentType: string): boolean {
  return /^multipart\/form-data\s*;/i.test(contentType);
}

/** A cross-site post: the browser said where it came from (Origin or Sec-Fetch-Site), and it is not this site. */
function isCrossSite(headers: Headers, siteUrl: string): boolean {
  if (!headers.has('origin') && !headers.has('sec-fetch-site')) return false;
  return !isSameOriginRequest(headers, [siteUrl]);
}

/**
 * Why a POST that calls (or may call) a server action must not reach Next, or null to let it through. `allowed` is
 * the project's action ids (`loadProjectActionIds`), or null where there is no final build to read them from
 * (`next dev`, whose manifest grows as routes compile). Reads the body; the proxy is given its own copy.
 */
export async function refuseActionRequest(request: Request, allowed: ReadonlySet<string> | null, siteUrl: string): Promise<ActionRefusal | null> {
  if (request.method !== 'POST') return null;
  const headerId = request.headers.get('next-action');
  const contentType = request.headers.get('content-type') ?? '';
  // A form sent without JavaScript names its action inside a multipart body; anything else is not an action.
  if (headerId === null && !isMultipart(contentType)) return null;

  if (isCrossSite(request.headers, siteUrl)) return REFUSALS.crossSite;
  if (headerId !== null && allowed && !allowed.has(headerId)) return REFUSALS.unknown;
  const declaredLength = Number(request.headers.get('content-length') ?? 0);
  if (!(declaredLength <= ACTION_BODY_LIMIT_BYTES)) return declaredLength > 0 ? REFUSALS.tooLarge : REFUSALS.malformed;

  const body = await request.arrayBuffer().catch(() => null);
  if (body === null) return REFUSALS.malformed;
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return REFUSALS.tooLarge;

  if (isMultipart(contentType)) {
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData().catch(() => null);
    if (form === null) return REFUSALS.malformed;
    if (headerId !== null) return null;
    const ids = formActionIds(form);
    if (ids === null) return REFUSALS.malformed;
    return allowed && ids.some((id) => !allowed.has(id)) ? REFUSALS.unknown : null;
  }
  // A call from the page's script: its arguments, encoded by React as JSON text.
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    return null;
  } catch {
    return REFUSALS.malformed;
  }
}
