import { useState, type CSSProperties } from 'react';
import { selectorAdvice, selectorProblem } from '../screens/selectorProblem';

/** Asks for the selector (and a name) of a box drawn on an image screen; refuses a selector that is not valid CSS. */
export function DrawnElementForm({ style, onSave, onCancel }: { style: CSSProperties; onSave(element: { selector: string; name: string }): void; onCancel(): void }) {
  const [selector, setSelector] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="drawn-form"
      style={style}
      aria-label="New element"
      onPointerDown={(event) => event.stopPropagation()}
      onPointerUp={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const found = selectorProblem(selector);
        if (found) return setProblem(found);
        onSave({ selector: selector.trim(), name: name.trim() });
      }}
    >
      <label className="field">
        <span className="field-label">Selector on your site</span>
        <input autoFocus value={selector} placeholder='#save or [data-testid="save"]' aria-invalid={Boolean(problem)} onChange={(event) => (setSelector(event.target.value), setProblem(null))} />
      </label>
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : !selectorProblem(selector) && selectorAdvice(selector) ? (
        <p className="note small">{selectorAdvice(selector)}</p>
      ) : null}
      <label className="field">
        <span className="field-label">Name (optional)</span>
        <input value={name} placeholder="Save button" onChange={(event) => setName(event.target.value)} />
      </label>
      <div className="drawn-form-actions">
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary small">
          Add element
        </button>
      </div>
    </form>
  );
}
