import { useState } from 'react';
import { isRightToLeft } from '../../../shared/bundle/rightToLeft';
import { canonicalLocale, isKnownLocale, localeDisplayName } from '../../../shared/model/locales';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { Field, Section } from './fields';
import { useEditingLocale } from '../store/editingLocale';

function localeProblem(tag: string, available: readonly string[]): string | null {
  const canonical = canonicalLocale(tag.trim());
  if (!canonical || !isKnownLocale(canonical)) return `"${tag.trim()}" is not a known language tag. Use BCP-47, for example en, en-US, he, ar, pt-BR.`;
  if (available.includes(canonical)) return `${localeDisplayName(canonical) ?? canonical} is already in the project.`;
  return null;
}

/** The project's languages: add (BCP-47), choose the default, pick the one being edited, remove. */
export function LanguagesPanel() {
  const locales = useDocumentStore((state) => state.project?.locales);
  const { locale: editing } = useEditingLocale();
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!locales) return null;
  const add = () => {
    const problem = localeProblem(tag, locales.available);
    if (problem) return setError(problem);
    const canonical = canonicalLocale(tag.trim())!;
    useDocumentStore.getState().change('Add language', (draft) => void draft.locales.available.push(canonical));
    useUiStore.setState({ editingLocale: canonical });
    setTag('');
    setError(null);
  };
  return (
    <Section title="Languages">
      <ul className="locale-list" aria-label="Languages">
        {locales.available.map((code) => (
          <li key={code} className={code === editing ? 'editing' : ''}>
            <button type="button" className="locale-main" aria-pressed={code === editing} onClick={() => useUiStore.setState({ editingLocale: code })}>
              <span>{localeDisplayName(code) ?? code}</span>
              <code>{code}</code>
              {isRightToLeft(code) ? <span className="badge">RTL</span> : null}
              {code === locales.defaultLocale ? <span className="badge">Default</span> : null}
            </button>
            {code !== locales.defaultLocale ? (
              <>
                <button type="button" className="button small subtle" onClick={() => useDocumentStore.getState().change('Default language', (draft) => void (draft.locales.defaultLocale = code))}>
                  Make default
                </button>
                <button
                  type="button"
                  className="button small subtle danger"
                  aria-label={`Remove ${localeDisplayName(code) ?? code}`}
                  onClick={() => useDocumentStore.getState().change('Remove language', (draft) => void (draft.locales.available = draft.locales.available.filter((other) => other !== code)))}
                >
                  Remove
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <form
        className="add-locale"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <Field label="Add a language" error={error} hint="A BCP-47 tag: fr, de-CH, he, ar, ja…">
          {(id, describedBy) => <input id={id} value={tag} placeholder="he" aria-invalid={Boolean(error)} aria-describedby={describedBy} onChange={(event) => (setTag(event.target.value), setError(null))} />}
        </Field>
        <button type="submit" className="button small" disabled={!tag.trim()}>
          Add
        </button>
      </form>
      <p className="muted small">Texts in a language without a translation fall back to the default. Removing a language keeps its texts in the file until you save over them.</p>
    </Section>
  );
}
