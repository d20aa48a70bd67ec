import { draftMode } from 'next/headers';
import { type NextRequest } from 'next/server';

import { getEditableArticle } from '@/data/editable-article';
import { getViewer } from '@/data/viewer';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { idParam } from '@/lib/query-params';

/**
 * Turns on Draft Mode for a signed-in member of staff who may see this story, then opens its preview. The cookie
 * only switches previews on: the preview page checks the viewer against the database again on every request.
 */
export async function GET(request: NextRequest) {
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const articleId = idParam(params, 'article');
  const revisionId = idParam(params, 'revision');
  const viewer = await getViewer();
  if (!viewer) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return new Response(null, { status: 303, headers: { Location: `${login.pathname}${login.search}` } });
  }
  const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (!articleId) return notFound();
  try {
    await getEditableArticle(viewer, articleId);
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return notFound();
    throw error;
  }
  (await draftMode()).enable();
  const target = `/dashboard/articles/${articleId}/preview${revisionId ? `?revision=${revisionId}` : ''}`;
  return new Response(null, { status: 303, headers: { Location: target } });
}
