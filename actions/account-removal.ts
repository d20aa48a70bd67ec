'use server';

import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';

import { signOut } from '@/auth';
import { deleteOwnAccount } from '@/data/account-removal';
import { cacheTags } from '@/lib/cache-tags';
import { WrongPasswordError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { deleteAccountSchema } from '@/lib/validation/auth';

import { formAction, parseWith, refusal } from './define';

/** Signed-in users: deletes their own account (password required), keeping or removing their comments; signs out. */
export const deleteAccountAction = formAction({
  name: 'deleteAccountAction',
  caller: 'signed-in',
  refused: () => redirect('/login?callbackUrl=%2Faccount%2Fdelete'),
  // The choice is given back; the password never is.
  echo: (formData) => ({ values: { comments: formText(formData, 'comments') } }),
  parse: (formData) => parseWith(deleteAccountSchema, { password: formText(formData, 'password'), comments: formText(formData, 'comments') }, { comments: formText(formData, 'comments') }),
  run: (viewer, { password, comments }) => deleteOwnAccount(viewer.id, password, comments),
  refusals: [refusal(WrongPasswordError, () => ({ fieldErrors: { password: ['That is not your password.'] } }))],
  done: async ({ articleIds }) => {
    // Their name leaves every thread they wrote in (or their comments do), and like counts fall where they liked.
    for (const articleId of articleIds) updateTag(cacheTags.comments(articleId));
    await signOut({ redirectTo: '/account/deleted' });
    return { ok: true };
  },
});
