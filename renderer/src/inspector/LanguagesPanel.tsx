import { isRightToLeft } from '../../../shared/bundle/rightToLeft';
import { localeDisplayName } from '../../../shared/model/locales';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { Section } from './fields';
import { useEditingLocale } from '../store/editingLocale';
import { LanguagePicker } from './LanguagePicker';
import type { LanguageOption } from './languageOptions';

/** The project's languages: add (by name or tag), choose the default, pick the one being edited, remove. */
export function LanguagesPanel() {
  const locales = useDocumentStore((state) => state.project?.locales);
  const { locale: editing } = useEditingLocale();
  if (!locales) return null;
  const add = ({ tag }: LanguageOption) => {
    if (locales.available.includes(tag)) return;
    useDocumentStore.getState().change('Add language', (draft) => void draft.locales.available.push(tag));
    useUiStore.setState({ editingLocale: tag });
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
      <LanguagePicker exclude={locales.available} onPick={add} />
      <p className="muted small">Texts in a language without a translation fall back to the default. Removing a language keeps its texts in the file until you save over them.</p>
    </Section>
  );
}
