import { exportOwnAccount } from '@/data/account-export';
import { getViewer } from '@/data/viewer';

/** "Download my data": everything the site holds about the signed-in reader, as a JSON attachment, for them only. */
export async function GET() {
  const viewer = await getViewer();
  const data = viewer ? await exportOwnAccount(viewer.id) : null;
  if (!data) return new Response(null, { status: 303, headers: { Location: '/login?callbackUrl=%2Faccount' } });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="my-data-${data.exportedAt.slice(0, 10)}.json"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
