import { type NextRequest } from 'next/server';

import { previewNewsletterIssue } from '@/data/newsletter-issues';
import { getViewer } from '@/data/viewer';
import { can } from '@/lib/permissions';
import { parseSerialId } from '@/lib/validation/common';

/**
 * An issue's HTML part exactly as subscribers get it, for editors. Served on its own with a policy that allows the
 * message's inline styles and nothing else (no script, no form, no framing): composeMail escapes every text it holds,
 * and this keeps even a mistake there inert. The site's own pages keep their strict policy.
 */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

export async function GET(_request: NextRequest, { params }: RouteContext<'/api/newsletter-preview/[id]'>) {
  const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  const id = parseSerialId((await params).id);
  const viewer = await getViewer();
  if (id === undefined || !can(viewer, 'newsletter:send')) return notFound();
  const preview = await previewNewsletterIssue(viewer, id);
  if (!preview) return notFound();
  return new Response(preview.html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' },
  });
}
