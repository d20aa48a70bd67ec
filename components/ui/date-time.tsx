import { env } from '@/lib/env';
import { formatDate, formatDateTime } from '@/lib/format';

/** A moment as readable text in the newsroom's time zone (SITE_TIMEZONE), with the instant in `dateTime`. */
export function DateTime({ iso, short = false }: { iso: string; short?: boolean }) {
  const zone = env().SITE_TIMEZONE;
  return <time dateTime={iso}>{short ? formatDate(iso, zone) : formatDateTime(iso, zone)}</time>;
}
