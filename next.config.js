import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  cacheComponents: true,
  // A route must finish rendering before the first byte so that notFound() and permanentRedirect() give real
  // 404 and 308 status codes (docs/adr/0001).
  partialPrefetching: false,
  // 'use cache' entries, and the tag ledger the page cache in front of Next reads (docs/adr/0009).
  cacheHandlers: { default: fileURLToPath(new URL('./server/cache-handler.mjs', import.meta.url)) },
  poweredByHeader: false,
  // forbidden(): a plain action called without the capability answers 403, not 500 (docs/adr/0018).
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // The end-to-end suite builds into its own folder so it never overwrites the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // db/ and scripts/ run under plain Node too; keep them out of the bundler's server externals guesswork.
  serverExternalPackages: ['postgres', 'sharp'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
