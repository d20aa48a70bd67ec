import 'server-only';

import { cookies, headers } from 'next/headers';
import { forbidden, redirect, RedirectType, unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';

import { keepFormResult } from '@/data/form-results';
import { viewerWith, getViewer, type Viewer } from '@/data/viewer';
import { type ActionResult, fromZodError } from '@/lib/action-result';
import { env } from '@/lib/env';
import { ForbiddenError, InvalidInputError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { backPath, encodeFormFlash, encodeFormFlashMessages, FORM_FLASH_COOKIE, FORM_FLASH_SECONDS, FORM_ID_FIELD, type FormFlash, isFormId } from '@/lib/form-flash';
import type { Capability } from '@/lib/permissions';

/*
 * The one way to write a server action (docs/adr/0018). Every action runs the same steps in the same order:
 *
 *   1. who is calling: the viewer re-read from the database, refused unless they hold the capability;
 *   2. the schema: the input parsed, or an answer that says what is wrong with it;
 *   3. the data call (which checks the viewer again in its WHERE clause), inside the only try of the action:
 *      known domain errors become the area's answers, anything else is logged with the action's name and rethrown
 *      (the browser sees only the error page's digest); Next's redirect and notFound pass through untouched;
 *   4. outside the try: cache tags, then the result or the redirect.
 *
 * Three flavours share those steps: form actions for useActionState (previous result, FormData) -> result, plain
 * form actions (FormData) -> void that answer with a redirect, and called actions whose arguments come from a
 * component (previews, the picture picker). actions/shape.test.ts fails when an action is written any other way.
 */

/** Who may call: holders of a capability, any signed-in visitor, or anyone (signing in, registering). */
export type Caller = Capability | 'signed-in' | 'anyone';

/** What the data step gets: the viewer re-read from the database; actions open to anyone get none. */
export type ViewerOf<C extends Caller> = C extends 'anyone' ? null : Viewer;

/** The schema step's outcome: the parsed input, or the answer to give instead. */
export type Parsed<Input, Answer> = { ok: true; input: Input } | { ok: false; answer: Answer };

export const accept = <Input>(input: Input): Parsed<Input, never> => ({ ok: true, input });
export const reject = <Answer>(answer: Answer): Parsed<never, Answer> => ({ ok: false, answer });

/**
 * The common schema step of a form: its text fields through a zod schema; errors go beside the fields, with the
 * fields given back (`shown`: all of them unless some, such as passwords, must never be echoed).
 */
export function parseWith<Input>(schema: z.ZodType<Input>, fields: Record<string, string>, shown: Record<string, string> = fields): Parsed<Input, ActionResult> {
  const parsed = schema.safeParse(fields);
  return parsed.success ? accept(parsed.data) : reject(fromZodError(parsed.error, shown));
}

/** The text fields `names` of a form, as the schema step reads them. */
export function formFields(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, formText(formData, name)]));
}

/** The echo and schema steps of a form of text fields: parsed through `schema`, every field given back on a refusal. */
export function textForm<Input>(schema: z.ZodType<Input>, names: readonly string[]) {
  return {
    echo: (formData: FormData) => ({ values: formFields(formData, names) }),
    parse: (formData: FormData) => parseWith(schema, formFields(formData, names)),
  };
}

type ErrorClass<E extends Error> = abstract new (...args: never) => E;

/** A known domain error (lib/errors.ts) and what the action answers to it; never its `message` by accident. */
export type Refusal<Answer, Input = unknown> = { readonly type: ErrorClass<Error>; readonly answer: (error: Error, input: Input) => Answer };

export function refusal<E extends Error, Answer, Input = unknown>(type: ErrorClass<E>, answer: (error: E, input: Input) => Answer): Refusal<Answer, Input> {
  return { type, answer: (error, input) => answer(error as E, input) };
}

type Steps<Args extends unknown[], C extends Caller, Input, Output, Refused, Done> = {
  /** The action's export name, for the log. */
  name: string;
  caller: C;
  /** The answer to a caller without the capability (checked before anything else is read). */
  refused: (...args: Args) => Refused;
  parse: (...args: Args) => Parsed<Input, Refused>;
  /** The data call. */
  run: (viewer: ViewerOf<C>, input: Input) => Promise<Output>;
  /** The area's known domain errors and their answers. */
  refusals?: readonly Refusal<Refused, Input>[];
  /** Outside the try: cache tags, then the result (or a redirect, which never returns). */
  done: (output: Output, input: Input, ...args: Args) => Done | Promise<Done>;
};

type Outcome<Refused, Done> = { refused: Refused } | { done: Done };

async function callerOf<C extends Caller>(caller: C): Promise<ViewerOf<C> | null> {
  if (caller === 'anyone') return null;
  return (caller === 'signed-in' ? await getViewer() : await viewerWith(caller as Capability)) as ViewerOf<C> | null;
}

async function perform<Args extends unknown[], C extends Caller, Input, Output, Refused, Done>(
  steps: Steps<Args, C, Input, Output, Refused, Done>,
  args: Args,
): Promise<Outcome<Refused, Done>> {
  const viewer = await callerOf(steps.caller);
  if (viewer === null && steps.caller !== 'anyone') return { refused: steps.refused(...args) };
  const parsed = steps.parse(...args);
  if (!parsed.ok) return { refused: parsed.answer };
  let output: Output;
  try {
    output = await steps.run(viewer as ViewerOf<C>, parsed.input);
  } catch (error) {
    unstable_rethrow(error);
    const known = steps.refusals?.find((candidate) => error instanceof candidate.type);
    if (known) return { refused: known.answer(error as Error, parsed.input) };
    console.error(`${steps.name} failed`, error);
    throw error;
  }
  return { done: await steps.done(output, parsed.input, ...args) };
}

/** Every function these builders made: actions/shape.test.ts checks each export of a 'use server' file against it. */
const built = new WeakSet<object>();

export function isBuiltAction(value: unknown): boolean {
  return typeof value === 'function' && built.has(value);
}

function mark<F extends object>(action: F): F {
  built.add(action);
  return action;
}

/** What a form action says when it refuses: its result without `ok` (always false then). */
export type Answer<R> = Omit<R, 'ok'>;

type FormSpec<R, C extends Caller, Input, Output> = Omit<Steps<[FormData], C, Input, Output, Answer<R>, R>, 'refused'> & {
  refused: (formData: FormData) => Answer<R>;
  /** Given back with every refusal so nothing typed is lost (never passwords). */
  echo?: (formData: FormData) => Answer<R>;
};

/**
 * Form actions for useActionState, of one result type: `formActionsOf<ArticleActionResult>()` gives the builder of
 * an area whose results carry extras; `formAction` is the builder for the plain ActionResult.
 */
export function formActionsOf<R extends ActionResult<object, unknown>>() {
  return function define<C extends Caller, Input, Output>(spec: FormSpec<R, C, Input, Output>): (previous: R, formData: FormData) => Promise<R> {
    return mark(async (_previous: R, formData: FormData): Promise<R> => {
      const outcome = await perform(spec, [formData]);
      // Answers are built for R without `ok`; adding it back cannot be proved by the compiler for a generic R.
      const result = 'done' in outcome ? outcome.done : ({ ...spec.echo?.(formData), ...outcome.refused, ok: false } as unknown as R);
      return answerPlainPost(formData, result);
    });
  };
}

export const formAction = formActionsOf<ActionResult>();

/**
 * A named form posted without JavaScript (no `Next-Action` header): its result goes back in a signed cookie for the
 * page it came from, and a 303 sends the browser there (docs/adr/0030). Posted by React, the result is returned.
 */
async function answerPlainPost<R extends ActionResult<object, unknown>>(formData: FormData, result: R): Promise<R> {
  const form = formText(formData, FORM_ID_FIELD);
  const { AUTH_SECRET, SITE_URL } = env();
  if (!isFormId(form) || !AUTH_SECRET) return result;
  const request = await headers();
  if (request.get('next-action') !== null) return result;
  const value = await flashCookieValue(AUTH_SECRET, { form, result });
  if (value === null) return result;
  const back = backPath(request.get('referer'), [new URL(SITE_URL).origin], request.get('host'));
  (await cookies()).set(FORM_FLASH_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: SITE_URL.startsWith('https:'),
    path: back.split('?')[0],
    maxAge: FORM_FLASH_SECONDS,
  });
  // Back at the form itself when it carries the name as its id (one far down its page, such as a reply).
  redirect(`${back}#${form}`, RedirectType.push);
}

/** The whole answer in the cookie; too big for it, kept in the database and named; failing that, its messages alone. */
async function flashCookieValue(secret: string, flash: FormFlash): Promise<string | null> {
  const whole = encodeFormFlash(secret, flash);
  if (whole !== null) return whole;
  try {
    return encodeFormFlash(secret, { form: flash.form, ref: await keepFormResult(flash, FORM_FLASH_SECONDS) });
  } catch (error) {
    console.error('a form answer could not be kept', error);
    return encodeFormFlashMessages(secret, flash);
  }
}

/** The data layer's own check refused the caller (a demotion meanwhile, a story not theirs): 403 unless mapped. */
const stillForbidden = refusal(ForbiddenError, () => forbidden());

/** A plain form action's refusals: a path to redirect to, or null to stay (the page renders afresh). */
type PlainSpec<C extends Caller, Input, Output> = Omit<Steps<[FormData], C, Input, Output, string | null, void>, 'refused'> & {
  /** Without it a caller lacking the capability gets 403 (forbidden()), never a 500. */
  refused?: (formData: FormData) => string;
};

/** Plain form actions (FormData) -> void: they answer with a redirect, so they work the same without JavaScript. */
export function plainAction<C extends Caller, Input, Output>(spec: PlainSpec<C, Input, Output>): (formData: FormData) => Promise<void> {
  return mark(async (formData: FormData): Promise<void> => {
    const outcome = await perform({ ...spec, refused: spec.refused ?? (() => forbidden()), refusals: [...(spec.refusals ?? []), stillForbidden] }, [formData]);
    if ('refused' in outcome && outcome.refused !== null) redirect(outcome.refused);
  });
}

type CallSpec<Args extends unknown[], C extends Caller, Input, Output, Result> = Omit<Steps<Args, C, Input, Output, Result, Result>, 'refused' | 'done'> & {
  /** Without it a caller lacking the capability gets 403 (forbidden()). */
  refused?: (...args: Args) => Result;
  /** The arguments are read by `parse` only (so they are inferred from it alone). */
  done: (output: Output, input: Input) => Result | Promise<Result>;
};

/** Actions a component calls with arguments (not a form): every argument is untrusted input for `parse`. */
export function callAction<Args extends unknown[], C extends Caller, Input, Output, Result>(spec: CallSpec<Args, C, Input, Output, Result>): (...args: Args) => Promise<Result> {
  return mark(async (...args: Args): Promise<Result> => {
    const steps = { ...spec, refused: spec.refused ?? (() => forbidden()), refusals: [...(spec.refusals ?? []), stillForbidden], done: (output: Output, input: Input, ..._args: Args) => spec.done(output, input) };
    const outcome = await perform(steps, args);
    return 'done' in outcome ? outcome.done : outcome.refused;
  });
}

/** Input that passed the schema but broke a rule only the database can check: its message goes beside the field. */
export const invalidField = refusal(InvalidInputError, (error): Answer<ActionResult> => ({ fieldErrors: { [error.field]: [error.message] }, formError: 'Please correct the highlighted fields.' }));
