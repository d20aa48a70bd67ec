import { z } from 'zod';

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../passwords-policy';
import { displayName } from './display-names';

const email = z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'Enter a valid e-mail address.' }));
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
  .max(MAX_PASSWORD_LENGTH, { message: `Use at most ${MAX_PASSWORD_LENGTH} characters.` });

export const registerSchema = z
  .object({ name: displayName, email, password, confirmPassword: z.string() })
  .refine((value) => value.password === value.confirmPassword, { message: 'The passwords do not match.', path: ['confirmPassword'] });

export const signInSchema = z.object({
  email,
  // Never tell a signing-in user what the password rules are: any non-empty string is checked.
  password: z.string().min(1, { message: 'Enter your password.' }).max(MAX_PASSWORD_LENGTH),
});

export type RegisterInput = z.infer<typeof registerSchema>;
export type SignInInput = z.infer<typeof signInSchema>;

/** Only same-site paths: never "//evil.example" or "https://…", so signing in can only lead back here. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  try {
    const url = new URL(value, 'http://placeholder.invalid');
    if (url.origin !== 'http://placeholder.invalid') return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

export const profileSchema = z.object({ name: displayName });

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, { message: 'Enter your current password.' }).max(MAX_PASSWORD_LENGTH), password, confirmPassword: z.string() })
  .refine((value) => value.password === value.confirmPassword, { message: 'The passwords do not match.', path: ['confirmPassword'] });

/** The answer to a link that is unknown, used or expired (one message for the three: nothing to learn from it). */
export const SPENT_LINK_MESSAGE = 'This link has expired or has already been used. Ask for a new one.';

/** The answer once too many links of one kind were asked for, with the real wait. */
export function tooManyLinksMessage(links: string, minutes: number): string {
  return `Too many ${links} were asked for. Please wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`;
}

/** The token of a link sent by e-mail: 32 random bytes in base64url. Anything else is not a link we sent. */
export const accountTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'This link is not valid.' });

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ token: accountTokenSchema, password, confirmPassword: z.string() })
  .refine((value) => value.password === value.confirmPassword, { message: 'The passwords do not match.', path: ['confirmPassword'] });

export const confirmTokenSchema = z.object({ token: accountTokenSchema });

export const changeEmailSchema = z.object({ currentPassword: z.string().min(1, { message: 'Enter your current password.' }).max(MAX_PASSWORD_LENGTH), email });

export const deleteAccountSchema = z.object({
  password: z.string().min(1, { message: 'Enter your password.' }).max(MAX_PASSWORD_LENGTH),
  comments: z.enum(['keep', 'remove'], { message: 'Choose what happens to your comments.' }),
});
