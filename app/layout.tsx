import type { Metadata, Viewport } from 'next';
import { cookies, headers } from 'next/headers';

import { FormFlashProvider } from '@/components/ui/form-result';
import { readFormResult } from '@/data/form-results';
import { env } from '@/lib/env';
import { decodeFormFlash, FORM_FLASH_COOKIE } from '@/lib/form-flash';

import './globals.css';

// Every page is rendered per request so that Next can stamp its scripts with the request's CSP nonce
// (a prerendered shell has no request and so no nonce). The data underneath is still cached ('use cache').
export const instant = false;

export const metadata: Metadata = {
  metadataBase: new URL(env().SITE_URL),
  title: { default: env().SITE_NAME, template: `%s | ${env().SITE_NAME}` },
  description: 'Independent news, analysis and opinion.',
  openGraph: { siteName: env().SITE_NAME, locale: 'en_GB', type: 'website' },
  twitter: { card: 'summary' },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#17171a' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request is what makes the render per-request (see `instant` above).
  await headers();
  // A form's answer to a post made without JavaScript, for the form it names (docs/adr/0030).
  const secret = env().AUTH_SECRET;
  const carried = secret ? decodeFormFlash(secret, (await cookies()).get(FORM_FLASH_COOKIE)?.value) : null;
  const flash = carried && 'ref' in carried ? await readFormResult(carried.ref).catch(() => null) : carried;
  return (
    <html lang="en-GB">
      <body>
        {/* Each area brings its own frame and skip link: public pages the masthead and footer ((site), (auth),
            not-found), the dashboard a compact header of its own. Their <main> ids differ, since Next keeps the
            previous route's tree (hidden) in the page after a client navigation, and an id must stay unique. */}
        <FormFlashProvider flash={flash}>{children}</FormFlashProvider>
      </body>
    </html>
  );
}
