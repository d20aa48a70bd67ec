import { describe, expect, it } from 'vitest';

import { auditSubjectPrefix, auditSubjects, parseAuditSubject } from './audit-subjects';

describe('audit subjects', () => {
  it('are built as "kind:id"', () => {
    expect(auditSubjects.article(12)).toBe('article:12');
    expect(auditSubjects.comment(3)).toBe('comment:3');
    expect(auditSubjects.user('6f1c0c3e-0000-4000-8000-000000000001')).toBe('user:6f1c0c3e-0000-4000-8000-000000000001');
    expect(auditSubjects.section(4)).toBe('section:4');
    expect(auditSubjects.tag(5)).toBe('tag:5');
    expect(auditSubjects.author(6)).toBe('author:6');
    expect(auditSubjects.image(7)).toBe('image:7');
    expect(auditSubjects.breaking(8)).toBe('breaking:8');
    expect(auditSubjects.front(null)).toBe('front:home');
    expect(auditSubjects.front(9)).toBe('front:section:9');
    expect(auditSubjectPrefix('comment')).toBe('comment:');
  });

  it('read back as what they were built from', () => {
    for (const kind of ['article', 'comment', 'section', 'tag', 'author', 'image', 'breaking'] as const) {
      expect(parseAuditSubject(auditSubjects[kind](2_147_483_647))).toEqual({ kind, id: 2_147_483_647 });
    }
    expect(parseAuditSubject(auditSubjects.user('abc-123'))).toEqual({ kind: 'user', id: 'abc-123' });
    expect(parseAuditSubject(auditSubjects.front(null))).toEqual({ kind: 'front', sectionId: null });
    expect(parseAuditSubject(auditSubjects.front(14))).toEqual({ kind: 'front', sectionId: 14 });
  });

  it('leave anything else unknown rather than guessing', () => {
    for (const odd of ['', 'article', 'article:', ':12', 'article:012', 'article:abc', 'article:2147483648', 'story:12', 'user:', 'front:', 'front:section:', 'front:section:x', 'front:away']) {
      expect(parseAuditSubject(odd), odd).toEqual({ kind: 'unknown' });
    }
  });
});
