import { describe, expect, it } from 'vitest';

import { dashboardCapability, isDashboardPath } from './dashboard-access';

describe('dashboard access by path', () => {
  it('recognises dashboard paths only', () => {
    expect(isDashboardPath('/dashboard')).toBe(true);
    expect(isDashboardPath('/dashboard/articles/3')).toBe(true);
    expect(isDashboardPath('/dashboards')).toBe(false);
    expect(isDashboardPath('/news/dashboard')).toBe(false);
  });

  it('asks for the strictest capability of each area', () => {
    expect(dashboardCapability('/dashboard')).toBe('article:write');
    expect(dashboardCapability('/dashboard/articles/new')).toBe('article:write');
    expect(dashboardCapability('/dashboard/comments')).toBe('comment:moderate');
    expect(dashboardCapability('/dashboard/people/abc')).toBe('user:manage');
    expect(dashboardCapability('/dashboard/audit')).toBe('user:manage');
    expect(dashboardCapability('/dashboard/tags/4')).toBe('article:publish');
    expect(dashboardCapability('/dashboard/commentsx')).toBe('article:write');
  });
});
