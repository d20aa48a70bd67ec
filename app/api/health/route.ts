import { connection } from 'next/server';

import { checkDatabase } from '@/data/health';

/** 200 with a JSON body once the database answers; 503 otherwise. */
export async function GET() {
  await connection();
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? 'ok' : 'unavailable', database: database.ok ? 'up' : 'down', latencyMs: database.latencyMs },
    { status: database.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
