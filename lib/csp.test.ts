import { describe, expect, it } from 'vitest';

import { buildContentSecurityPolicy, createNonce } from './csp';

describe('buildContentSecurityPolicy', () => {
  const policy = buildContentSecurityPolicy('abc123', { isDev: false, upgradeInsecure: true });
  const directive = (name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

  it('allows scripts only with the nonce, and never eval or inline in production', () => {
    expect(directive('script-src')).toBe(`script-src 'self' 'nonce-abc123' 'strict-dynamic'`);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });

  it('forbids plugins and framing', () => {
    expect(directive('object-src')).toBe(`object-src 'none'`);
    expect(directive('frame-ancestors')).toBe(`frame-ancestors 'none'`);
  });

  it('upgrades insecure requests only when asked (an https site)', () => {
    expect(policy).toContain('upgrade-insecure-requests');
    expect(buildContentSecurityPolicy('n', { isDev: false, upgradeInsecure: false })).not.toContain('upgrade-insecure-requests');
  });
});

describe('createNonce', () => {
  it('is fresh base64 of 16 random bytes each time', () => {
    const first = createNonce();
    expect(first).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(first);
  });
});
