import { env } from '@/lib/env';

export function Footer() {
  return (
    <footer className="footer">
      <p>
        {env().SITE_NAME} · All stories on this demonstration site are invented. ·{' '}
        {/* A JSON route handler, not a page. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/api/health">Status</a>
      </p>
    </footer>
  );
}
