import type { Metadata } from 'next';
import { connection } from 'next/server';

import { DashboardHeader } from '@/components/dashboard/dashboard-header';
import { DashboardNav } from '@/components/dashboard/dashboard-nav';
import dashboardStyles from '@/components/dashboard/dashboard.module.css';
import { viewerWithOrNotFound } from '@/data/viewer';

export const metadata: Metadata = { title: { default: 'Dashboard', template: '%s | Dashboard' }, robots: { index: false, follow: false } };

/**
 * The editors' area, a workspace of its own: a compact header instead of the public masthead and section menu. This
 * check is for the navigation only: layouts and pages render in parallel, so every page, action and data function
 * checks the viewer again itself.
 */
export default async function DashboardLayout({ children }: LayoutProps<'/dashboard'>) {
  await connection();
  const viewer = await viewerWithOrNotFound('article:write', '/dashboard');
  return (
    <>
      <a className="skip-link" href="#main-dashboard">
        Skip to content
      </a>
      <DashboardHeader viewer={viewer} />
      <main id="main-dashboard" tabIndex={-1}>
        <div className={dashboardStyles.dashboard}>
          <DashboardNav viewer={viewer} />
          <div className={dashboardStyles.main}>{children}</div>
        </div>
      </main>
    </>
  );
}
