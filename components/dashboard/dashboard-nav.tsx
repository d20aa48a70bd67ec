import Link from 'next/link';

import type { Viewer } from '@/data/viewer';
import { can, type Capability } from '@/lib/permissions';

import dashboardStyles from './dashboard.module.css';

const LINKS: { href: string; label: string; capability: Capability }[] = [
  { href: '/dashboard', label: 'Overview', capability: 'article:write' },
  { href: '/dashboard/articles', label: 'Articles', capability: 'article:write' },
  { href: '/dashboard/front', label: 'Front page', capability: 'article:publish' },
  { href: '/dashboard/comments', label: 'Comments', capability: 'comment:moderate' },
  { href: '/dashboard/sections', label: 'Sections', capability: 'article:publish' },
  { href: '/dashboard/tags', label: 'Tags', capability: 'article:publish' },
  { href: '/dashboard/authors', label: 'Authors', capability: 'article:publish' },
  { href: '/dashboard/newsletters', label: 'Newsletters', capability: 'newsletter:send' },
  { href: '/dashboard/images', label: 'Images', capability: 'article:write' },
  { href: '/dashboard/people', label: 'People', capability: 'user:manage' },
  { href: '/dashboard/audit', label: 'Audit log', capability: 'user:manage' },
];

/** The dashboard's own navigation: only the areas the viewer's role can use. */
export function DashboardNav({ viewer }: { viewer: Viewer }) {
  return (
    <nav className={dashboardStyles.nav} aria-label="Dashboard">
      <ul>
        {LINKS.filter((link) => can(viewer, link.capability)).map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
