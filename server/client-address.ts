import net from 'node:net';

/**
 * The client's address, told apart from what a client may claim (docs/deploy.md). A request's X-Forwarded-For is
 * believed only for the hops that TRUSTED_PROXIES names: starting from the connection's own peer, each trusted hop
 * hands over to the address it says it was talking to, and the first untrusted one is the client. With no trusted
 * proxies the peer is the client, whatever the header says.
 */
export type TrustedProxies = { contains(address: string): boolean };

/** Parses TRUSTED_PROXIES: addresses and CIDR ranges, IPv4 or IPv6, separated by commas or spaces. */
export function parseTrustedProxies(list: string | undefined): TrustedProxies {
  const blocks = new net.BlockList();
  for (const entry of (list ?? '').split(/[\s,]+/).filter(Boolean)) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const family = net.isIP(address);
    if (family === 0) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) {
      blocks.addAddress(address, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d+$/.test(bits) || prefix > (family === 6 ? 128 : 32)) throw new Error(`TRUSTED_PROXIES: "${entry}" has an invalid prefix length`);
    blocks.addSubnet(address, prefix, type);
  }
  return {
    contains(address) {
      const plain = unmapped(address);
      const family = net.isIP(plain);
      return family !== 0 && blocks.check(plain, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is 127.0.0.1. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

export function clientAddressOf(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string {
  let client = unmapped(peer ?? '');
  if (!client) return 'unknown';
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (trusted.contains(client) && hops.length > 0) {
    const previous = unmapped(hops.pop()!);
    if (net.isIP(previous) === 0) break;
    client = previous;
  }
  return client;
}
