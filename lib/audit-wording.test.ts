import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { diffAudit } from './audit-diff';
import { AUDIT_KIND_KEYS, auditFieldLabel, auditKindOf, describeAuditAction, formatAuditValue } from './audit-wording';

const time = (iso: string) => `<${iso.slice(0, 10)}>`;

describe('describeAuditAction', () => {
  it('says what was done in plain words', () => {
    expect(describeAuditAction('article.publish')).toBe('published');
    expect(describeAuditAction('article.send_back')).toBe('sent back to the writer');
    expect(describeAuditAction('front.pin')).toBe('pinned a story on');
    expect(describeAuditAction('breaking.start')).toBe('put up');
    expect(describeAuditAction('article.update')).toBe('published changes to');
    expect(describeAuditAction('comment.reject')).toBe('rejected');
    expect(describeAuditAction('user.comments-ban')).toBe('banned from commenting');
    expect(describeAuditAction('user.comments-suspend')).toBe('suspended from commenting');
    expect(describeAuditAction('user.role')).toBe('changed the role of');
    expect(describeAuditAction('tag.merge')).toBe('merged a tag into');
  });

  it('names the kind of note added to a story', () => {
    expect(describeAuditAction('article.note.correction')).toBe('added a correction to');
    expect(describeAuditAction('article.note.clarification')).toBe('added a clarification to');
    expect(describeAuditAction('article.note.update')).toBe('added an update to');
  });

  it('reads an action it does not know without dots and dashes', () => {
    expect(describeAuditAction('front.pin-lead')).toBe('front: pin lead');
    expect(describeAuditAction('newsletter.send_now')).toBe('newsletter: send now');
  });

  it('has words for every action the data layer records', () => {
    const dataDir = path.join(import.meta.dirname, '..', 'data');
    const recorded = new Set<string>();
    for (const file of fs.readdirSync(dataDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
      for (const match of fs.readFileSync(path.join(dataDir, file), 'utf8').matchAll(/action: '([a-z_.-]+)'/g)) recorded.add(match[1]!);
    }
    expect(recorded.size).toBeGreaterThan(20);
    const unworded = [...recorded].filter((action) => describeAuditAction(action).includes(':'));
    expect(unworded).toEqual([]);
  });
});

describe('auditKindOf', () => {
  it('puts every action in one kind, notes and bans apart from their families', () => {
    expect(auditKindOf('article.publish')).toBe('stories');
    expect(auditKindOf('article.note.correction')).toBe('corrections');
    expect(auditKindOf('comment.approve')).toBe('comments');
    expect(auditKindOf('comments.close')).toBe('comments');
    expect(auditKindOf('user.comments-ban')).toBe('commenters');
    expect(auditKindOf('user.role')).toBe('accounts');
    expect(auditKindOf('image.upload')).toBe('pictures');
    expect(auditKindOf('front.pin')).toBe('desk');
    expect(auditKindOf('something.else')).toBeNull();
  });

  it('has a label for every kind', () => {
    expect(AUDIT_KIND_KEYS.length).toBeGreaterThan(5);
  });
});

describe('auditFieldLabel', () => {
  it('gives the editors’ words instead of column names', () => {
    expect(auditFieldLabel('dek')).toBe('Standfirst');
    expect(auditFieldLabel('publishedAt')).toBe('Publication time');
    expect(auditFieldLabel('suspendedUntil')).toBe('Barred from commenting until');
    expect(auditFieldLabel('sectionId')).toBe('Section');
  });

  it('labels nested keys and unknown ones readably', () => {
    expect(auditFieldLabel('target.articleCount')).toBe('Kept tag: stories');
    expect(auditFieldLabel('seoCanonicalUrl')).toBe('Seo canonical url');
  });
});

describe('formatAuditValue', () => {
  it('says states, roles, formats and yes/no as the dashboard does', () => {
    expect(formatAuditValue('status', 'in_review', time)).toBe('In review');
    expect(formatAuditValue('role', 'contributor', time)).toBe('Contributor');
    expect(formatAuditValue('format', 'opinion', time)).toBe('Opinion');
    expect(formatAuditValue('featured', true, time)).toBe('Yes');
    expect(formatAuditValue('tagNames', ['Budget', 'Jobs'], time)).toBe('Budget, Jobs');
    expect(formatAuditValue('tagNames', [], time)).toBe('none');
  });

  it('shows times in the newsroom’s zone and a ban as a ban, not a date in 9999', () => {
    expect(formatAuditValue('publishedAt', '2026-03-01T09:00:00.000Z', time)).toBe('<2026-03-01>');
    expect(formatAuditValue('suspendedUntil', '9999-12-31T00:00:00.000Z', time)).toBe('for good (banned)');
    expect(formatAuditValue('suspendedUntil', null, time)).toBe('no bar');
    expect(formatAuditValue('unpublishAt', null, time)).toBe('—');
  });

  it('shortens long text', () => {
    expect(formatAuditValue('headline', 'x'.repeat(300), time)).toHaveLength(138);
  });
});

describe('a role change, as the log shows it', () => {
  it('reads “Role: Reader → Contributor”', () => {
    const [line] = diffAudit({ role: 'reader' }, { role: 'contributor' });
    expect(`${auditFieldLabel(line!.key)}: ${formatAuditValue(line!.key, line!.before, time)} → ${formatAuditValue(line!.key, line!.after, time)}`).toBe('Role: Reader → Contributor');
  });
});
