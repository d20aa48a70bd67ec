import { env } from '@/lib/env';

export function Footer() {
  return (
    <footer className="footer">
      <p>
        {env().SITE_NAME} · All stories on this demonstration site are invented. ·{' '}
        <a href="/api/health">Status</a>
      </p>
    </footer>
  );
}
