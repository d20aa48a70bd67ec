import { serializeJsonLd } from '@/lib/structured-data';

/** Structured data for search engines. A data block (not executed); serializeJsonLd escapes `<`, `>` and `&`. */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
