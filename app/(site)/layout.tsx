import { PublicFrame } from '@/components/layout/public-frame';

/** Public pages: the masthead, section menu and footer around them. */
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return <PublicFrame area="site">{children}</PublicFrame>;
}
