import { describe, expect, it } from 'vitest';

import { dashboardCapability, dashboardRecordOf, isDashboardPath } from './dashboard-access';

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

  it('finds the record a page is about, and refuses ids that cannot exist', () => {
    expect(dashboardRecordOf('/dashboard/articles/12')).toEqual({ area: 'articles', id: 12 });
    expect(dashboardRecordOf('/dashboard/articles/12/history')).toEqual({ area: 'articles', id: 12 });
    expect(dashboardRecordOf('/dashboard/tags/7')).toEqual({ area: 'tags', id: 7 });
    expect(dashboardRecordOf('/dashboard/people/0B7D5C34-1B2A-4C3D-9E8F-0123456789AB')).toEqual({
      area: 'people',
      id: '0b7d5c34-1b2a-4c3d-9e8f-0123456789ab',
    });
    expect(dashboardRecordOf('/dashboard/articles/new')).toBeNull();
    expect(dashboardRecordOf('/dashboard/articles')).toBeNull();
    expect(dashboardRecordOf('/dashboard')).toBeNull();
    expect(dashboardRecordOf('/dashboard/comments/3')).toBeNull();
    expect(dashboardRecordOf('/dashboard/articles/0')).toBe('malformed');
    expect(dashboardRecordOf('/dashboard/articles/12abc')).toBe('malformed');
    expect(dashboardRecordOf('/dashboard/articles/99999999999')).toBe('malformed');
    expect(dashboardRecordOf('/dashboard/people/42')).toBe('malformed');
  });
});
