import { afterEach, describe, expect, it, vi } from 'vitest';

import * as health from '@/data/health';

// Outside a Next request there is nothing to wait for.
vi.mock('next/server', () => ({ connection: async () => {} }));

import { GET } from './route';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('GET /api/health', () => {
  it('answers 200 with JSON while the database answers', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('answers 503 when the database does not', async () => {
    vi.spyOn(health, 'checkDatabase').mockResolvedValue({ ok: false, latencyMs: 2000 });
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', database: 'down' });
  });
});
