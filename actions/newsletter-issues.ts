'use server';

import { redirect } from 'next/navigation';

import { createNewsletterIssue, scheduleNewsletterIssue, sendNewsletterIssueNow, updateNewsletterIssue } from '@/data/newsletter-issues';
import { env } from '@/lib/env';
import { ForbiddenError, NewsletterIssueStateError, NotFoundError } from '@/lib/errors';
import { issueDeliverySchema, issueIdSchema, issueSchema } from '@/lib/validation/newsletters';

import { formAction, formFields, invalidField, parseWith, refusal, textForm } from './define';

const refused = () => ({ formError: 'You are not allowed to send newsletters. Sign in with an editor’s account.' });
const refusals = [
  invalidField,
  refusal(NotFoundError, () => ({ formError: 'This issue no longer exists.' })),
  refusal(NewsletterIssueStateError, (error) => ({ formError: error.status === 'sent' ? 'This issue has been sent already.' : 'This issue is being sent and can no longer change.' })),
  refusal(ForbiddenError, refused),
];

const ISSUE = ['list', 'subject', 'intro'];

/** Editors (newsletter:send): writes a draft issue, then opens it (with its preview). */
export const createNewsletterIssueAction = formAction({
  name: 'createNewsletterIssueAction',
  caller: 'newsletter:send',
  refused,
  ...textForm(issueSchema, ISSUE),
  run: (viewer, input) => createNewsletterIssue(viewer, input),
  refusals,
  done: ({ id }) => redirect(`/dashboard/newsletters/${id}?done=created`),
});

/** Editors (newsletter:send): changes an issue that has not gone out. */
export const updateNewsletterIssueAction = formAction({
  name: 'updateNewsletterIssueAction',
  caller: 'newsletter:send',
  refused,
  echo: (formData) => ({ values: formFields(formData, ISSUE) }),
  parse: (formData) => parseWith(issueIdSchema.and(issueSchema), formFields(formData, ['id', ...ISSUE])),
  run: async (viewer, { id, ...input }) => {
    await updateNewsletterIssue(viewer, id, input);
    return id;
  },
  refusals,
  done: (id) => redirect(`/dashboard/newsletters/${id}?done=saved`),
});

/** Editors (newsletter:send): sends an issue now, schedules it for a minute in the newsroom's time zone, or takes it back. */
export const deliverNewsletterIssueAction = formAction({
  name: 'deliverNewsletterIssueAction',
  caller: 'newsletter:send',
  refused,
  echo: (formData) => ({ values: formFields(formData, ['when', 'scheduledFor']) }),
  parse: (formData) => parseWith(issueDeliverySchema(env().SITE_TIMEZONE), formFields(formData, ['id', 'when', 'scheduledFor'])),
  run: async (viewer, { id, when, scheduledFor }) => {
    if (when === 'now') await sendNewsletterIssueNow(viewer, id);
    else await scheduleNewsletterIssue(viewer, id, scheduledFor);
    return { id, when };
  },
  refusals,
  done: ({ id, when }) => redirect(`/dashboard/newsletters/${id}?done=${when === 'now' ? 'sent' : when === 'schedule' ? 'scheduled' : 'draft'}`),
});
