import { useId, useState, type ReactNode } from 'react';
import { isRightToLeft } from '../../../shared/bundle/rightToLeft';
import type { LocalizedText } from '../../../shared/model/localizedText';
import { localeDisplayName } from '../../../shared/model/locales';
import { useEditingLocale } from '../store/editingLocale';

/**
 * What the author is typing, started from `value` and reset when `value` changes from outside
 * (undo, another field): adjusted during render so no frame shows the old draft.
 */
function useDraft(value: string): [string, (draft: string) => void] {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  return [draft, setDraft];
}

export function Field({ label, error, hint, children }: { label: string; error?: string | null; hint?: ReactNode; children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children(id, error ? errorId : undefined)}
      {error ? (
        <span id={errorId} className="form-error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="field-hint">{hint}</span>
      ) : null}
    </div>
  );
}

/** The default language's text, shown above the field of another language's translation. */
export function DefaultLanguageText({ text, defaultLocale }: { text: string; defaultLocale: string }) {
  return (
    <span className="default-text" lang={defaultLocale}>
      <span className="muted">{localeDisplayName(defaultLocale) ?? defaultLocale}:</span> {text || <em>(empty)</em>}
    </span>
  );
}

/**
 * A text the customer's users read, in the language being edited. Beside a non-default
 * language it shows the default text; right-to-left languages are typed right to left.
 */
export function LocalizedTextField({ label, value, onChange, multiline = false, hint, placeholder = '' }: { label: string; value: LocalizedText; onChange(next: string, locale: string): void; multiline?: boolean; hint?: ReactNode; placeholder?: string }) {
  const { locale, defaultLocale } = useEditingLocale();
  const dir = isRightToLeft(locale) ? 'rtl' : 'ltr';
  const current = value[locale] ?? '';
  const original = locale !== defaultLocale ? (value[defaultLocale] ?? '') : null;
  return (
    <Field label={locale === defaultLocale ? label : `${label} · ${localeDisplayName(locale) ?? locale}`} hint={hint}>
      {(id) => (
        <>
          {original !== null ? <DefaultLanguageText text={original} defaultLocale={defaultLocale} /> : null}
          {multiline ? (
            <textarea id={id} dir={dir} lang={locale} rows={4} value={current} placeholder={original ?? placeholder} onChange={(event) => onChange(event.target.value, locale)} />
          ) : (
            <input id={id} dir={dir} lang={locale} value={current} placeholder={original ?? placeholder} onChange={(event) => onChange(event.target.value, locale)} />
          )}
        </>
      )}
    </Field>
  );
}

/**
 * A text field checked as the author types: a value with a problem is shown at the field with the
 * problem, and only valid values reach the document, so nothing is ever saved broken.
 */
export function CheckedTextField({ label, value, problem, onCommit, placeholder, hint }: { label: string; value: string; problem(value: string): string | null; onCommit(value: string): void; placeholder?: string; hint?: ReactNode }) {
  const [draft, setDraft] = useDraft(value);
  const error = problem(draft);
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => (
        <input
          id={id}
          value={draft}
          placeholder={placeholder}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(event) => {
            setDraft(event.target.value);
            if (!problem(event.target.value)) onCommit(event.target.value);
          }}
        />
      )}
    </Field>
  );
}

export function SelectField<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: ReadonlyArray<readonly [T, string]>; onChange(value: T): void }) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
          {options.map(([option, text]) => (
            <option key={option} value={option}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({ label, checked, onChange }: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="checkbox-field">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} /> {label}
    </label>
  );
}

/** A whole number within limits; anything else is shown at the field and not stored. */
export function NumberField({ label, value, min, max, unit, onChange }: { label: string; value: number; min: number; max: number; unit?: string; onChange(value: number): void }) {
  const problem = (text: string) => {
    const number = Number(text);
    return text.trim() === '' || !Number.isInteger(number) || number < min || number > max ? `Enter a whole number from ${min} to ${max}${unit ? ` ${unit}` : ''}.` : null;
  };
  return <CheckedTextField label={unit ? `${label} (${unit})` : label} value={String(value)} problem={problem} onCommit={(text) => onChange(Number(text))} />;
}

/** A duration typed in seconds ("2.5") for a model that keeps milliseconds. */
export function SecondsField({ label, valueMs, maxSeconds, onChange }: { label: string; valueMs: number; maxSeconds: number; onChange(ms: number): void }) {
  const problem = (text: string) => {
    const seconds = Number(text.replace(',', '.'));
    return text.trim() === '' || !Number.isFinite(seconds) || seconds < 0 || seconds > maxSeconds ? `Enter seconds from 0 to ${maxSeconds}, e.g. 2.5.` : null;
  };
  return <CheckedTextField label={`${label} (seconds)`} value={String(valueMs / 1000)} problem={problem} onCommit={(text) => onChange(Math.round(Number(text.replace(',', '.')) * 1000))} />;
}

const HEX = /^#[0-9a-fA-F]{6}$/;

export function ColorField({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  const [draft, setDraft] = useDraft(value);
  const error = HEX.test(draft) ? null : 'Enter a colour like #4f46e5.';
  return (
    <Field label={label} error={error}>
      {(id, describedBy) => (
        <span className="color-field">
          <input type="color" aria-label={`${label} picker`} value={HEX.test(draft) ? draft : value} onChange={(event) => (setDraft(event.target.value), onChange(event.target.value))} />
          <input
            id={id}
            value={draft}
            aria-invalid={Boolean(error)}
            aria-describedby={describedBy}
            onChange={(event) => {
              setDraft(event.target.value);
              if (HEX.test(event.target.value)) onChange(event.target.value.toLowerCase());
            }}
          />
        </span>
      )}
    </Field>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="inspector-section" aria-label={title}>
      <header className="inspector-section-header">
        <h3>{title}</h3>
        {actions}
      </header>
      {children}
    </section>
  );
}
