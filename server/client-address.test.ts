import { describe, expect, it } from 'vitest';

import { clientAddressOf, parseTrustedProxies } from './client-address';

describe('the client address', () => {
  const none = parseTrustedProxies(undefined);
  const nginx = parseTrustedProxies('127.0.0.1, 10.0.0.0/8 ::1');

  it('is the peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddressOf('203.0.113.9', '1.2.3.4', none)).toBe('203.0.113.9');
    expect(clientAddressOf('::ffff:203.0.113.9', undefined, none)).toBe('203.0.113.9');
  });

  it('is the address a trusted proxy reports, and a forged hop to the left of it is ignored', () => {
    expect(clientAddressOf('127.0.0.1', '198.51.100.7', nginx)).toBe('198.51.100.7');
    expect(clientAddressOf('::ffff:127.0.0.1', '6.6.6.6, 198.51.100.7', nginx)).toBe('198.51.100.7');
  });

  it('walks through a chain of trusted proxies (a CIDR range, IPv6)', () => {
    expect(clientAddressOf('::1', '198.51.100.7, 10.1.2.3', nginx)).toBe('198.51.100.7');
  });

  it('does not believe a header sent by an untrusted peer, or garbage from a trusted one', () => {
    expect(clientAddressOf('203.0.113.9', '198.51.100.7', nginx)).toBe('203.0.113.9');
    expect(clientAddressOf('127.0.0.1', 'not-an-address', nginx)).toBe('127.0.0.1');
    expect(clientAddressOf('127.0.0.1', undefined, nginx)).toBe('127.0.0.1');
  });

  it('refuses a malformed TRUSTED_PROXIES at start-up', () => {
    expect(() => parseTrustedProxies('localhost')).toThrow(/not an IP address/);
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/prefix length/);
  });
});
