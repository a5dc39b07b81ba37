import { useId, useState } from 'react';
import { findLanguages, type LanguageOption } from './languageOptions';

const SHOWN = 30;

/**
 * A searchable language list (a combobox): type a name in English or in the language itself, or
 * a tag; Up/Down move, Enter or a click adds. The field empties once a language is added.
 */
export function LanguagePicker({ exclude, onPick }: { exclude: readonly string[]; onPick(option: LanguageOption): void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Enter with nothing to pick says why, at the field.
  const [refused, setRefused] = useState(false);
  const matches = findLanguages(query, exclude).slice(0, SHOWN);
  const open = query.trim() !== '';
  const pick = (option: LanguageOption | undefined) => {
    if (!option) return;
    onPick(option);
    setQuery('');
    setActive(0);
  };
  return (
    <div className="language-picker">
      <label className="field-label" htmlFor={`${id}-input`}>
        Add a language
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${id}-${matches[active].tag}` : undefined}
        aria-describedby={`${id}-hint`}
        aria-invalid={refused}
        value={query}
        placeholder="Hebrew, עברית or he"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => (setQuery(event.target.value), setActive(0), setRefused(false))}
        onKeyDown={(event) => {
          // Enter that confirms an input method's composition (Japanese, Chinese…) is not a pick.
          if (event.nativeEvent.isComposing) return;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((current) => (matches.length ? (current + step + matches.length) % matches.length : 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            if (matches[active]) pick(matches[active]);
            else if (query.trim()) setRefused(true);
          } else if (event.key === 'Escape' && query) {
            event.preventDefault();
            event.stopPropagation(); // clears the search; a second Escape goes to the app
            setQuery('');
          }
        }}
      />
      <span id={`${id}-hint`} className={refused ? 'form-error' : 'field-hint'} role={refused ? 'alert' : undefined}>
        {open && !matches.length
          ? `No language matches “${query.trim()}”. Type its English name (Hebrew), its own name (עברית) or a BCP-47 tag (he, pt-BR).`
          : 'By name, in English or in the language itself, or by tag.'}
      </span>
      {open && matches.length ? (
        <ul id={`${id}-list`} role="listbox" aria-label="Languages to add" className="language-options">
          {matches.map((option, index) => (
            <li
              key={option.tag}
              id={`${id}-${option.tag}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => event.preventDefault()} // keep focus in the field
              onClick={() => pick(option)}
            >
              <span>{option.english}</span>
              {option.native !== option.english ? (
                <span className="language-native" lang={option.tag}>
                  {option.native}
                </span>
              ) : null}
              <code>{option.tag}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
