import { formatDate, formatDateTime } from '@/lib/format';

export function DateTime({ iso, short = false }: { iso: string; short?: boolean }) {
  return <time dateTime={iso}>{short ? formatDate(iso) : formatDateTime(iso)}</time>;
}
