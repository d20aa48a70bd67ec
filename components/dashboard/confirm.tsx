'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './confirm.module.css';

/**
 * The dashboard's one confirmation pattern for destructive actions (ADR 0016). The action's button is a link to the
 * same page with `?confirm=…`; the page then renders a ConfirmDialog saying exactly what will happen, with a form that
 * does it and a Cancel link back. Without JavaScript that is a plain GET and a plain form post; with it, the same page
 * opens the dialog as a modal (Escape cancels). Nothing is ever done by the first click.
 */

/** A destructive action's first step: looks like a danger control, never like Publish, and only asks. */
export function ConfirmLink({ href, children, className }: { href: string; children: React.ReactNode; className?: string }) {
  return (
    <Link href={href} scroll={false} className={`${styles.trigger}${className ? ` ${className}` : ''}`}>
      {children}
    </Link>
  );
}

/** Rendered by the page when its `confirm` parameter asks: inline without JavaScript, a modal with it. */
export function ConfirmDialog({ title, cancelHref, children }: { title: string; cancelHref: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || typeof dialog.showModal !== 'function') return;
    // Rendered open (so it shows without JavaScript); made modal once the scripts run, with focus on the safe choice.
    if (!dialog.matches(':modal')) {
      dialog.close();
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-confirm-cancel]')?.focus();
    }
    // After the confirmation's redirect Next may keep this page's tree, hidden, for Back: a modal dialog left open
    // there would keep the whole new page inert. Hiding runs this clean-up, as unmounting does.
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      open
      id="confirm"
      className={styles.dialog}
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        router.replace(cancelHref, { scroll: false });
      }}
    >
      <h2 id="confirm-title" className={styles.title}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}

type ConfirmState = { ok: boolean; formError?: string; message?: string };

/**
 * The dialog's form: posts `fields` to the action (which redirects when done) and offers Cancel. A refusal is shown
 * in the dialog.
 */
export function ConfirmForm({ action, fields, confirmLabel, cancelHref }: { action: (state: ConfirmState, formData: FormData) => Promise<ConfirmState>; fields: Record<string, string | string[]>; confirmLabel: string; cancelHref: string }) {
  const [state, formAction, pending] = useFormAction(action, 'confirm', { ok: false });
  const problem = state.ok ? null : (state.formError ?? state.message);
  return (
    <form action={formAction} className={styles.form}>
      <FormIdField id="confirm" />
      {problem && (
        <p className={formStyles.formError} role="alert">
          {problem} Nothing was changed.
        </p>
      )}
      {Object.entries(fields).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((one) => <input key={`${name}=${one}`} type="hidden" name={name} value={one} />))}
      <div className={styles.buttons}>
        <button type="submit" className={styles.confirm} disabled={pending}>
          {confirmLabel}
        </button>
        <Link href={cancelHref} scroll={false} className={styles.cancel} data-confirm-cancel>
          Cancel
        </Link>
      </div>
    </form>
  );
}
