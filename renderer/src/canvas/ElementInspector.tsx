import { memo, useMemo, useState } from 'react';
import type { MappedElement, Screen } from '../../../shared/model/screen';
import { ElementBreadcrumb } from '../inspector/ElementBreadcrumb';
import { elementTree } from './elementTree';
import { selectorAdvice, selectorProblem } from '../screens/selectorProblem';
import { deleteDrawnElement, updateDrawnElement } from '../store/screenActions';
import { useUiStore } from '../store/uiStore';

const CONTEXT_NOTES: Record<MappedElement['context'], string | null> = {
  document: null,
  shadow: 'Inside a shadow root: the selector steps in with “>>>”, which the player understands.',
  iframe: 'Inside a same-origin iframe: the selector steps into the frame with “>>>”.',
};

/** Edits a drawn element's selector; an invalid one is shown at the field and never stored. */
function SelectorField({ screenId, element }: { screenId: string; element: MappedElement }) {
  const [value, setValue] = useState(element.selector);
  const problem = selectorProblem(value);
  return (
    <label className="field">
      <span className="field-label">Selector</span>
      <input
        value={value}
        aria-invalid={Boolean(problem)}
        onChange={(event) => {
          setValue(event.target.value);
          if (!selectorProblem(event.target.value)) updateDrawnElement(screenId, element.id, { selector: event.target.value.trim() });
        }}
      />
      {problem ? (
        <span className="form-error" role="alert">
          {problem}
        </span>
      ) : selectorAdvice(value) ? (
        <span className="note small">{selectorAdvice(value)}</span>
      ) : null}
    </label>
  );
}

function SelectedElement({ screen, element }: { screen: Screen; element: MappedElement }) {
  const drawn = element.id.startsWith('d-');
  const tree = elementTree(screen.elements);
  const parent = tree.parentOf(element.id);
  const inside = tree.childrenOf(element.id).length;
  const note = CONTEXT_NOTES[element.context];
  return (
    <section className="inspector-section" aria-label="Selected element">
      <ElementBreadcrumb elements={screen.elements} elementId={element.id} label="Element ancestors" action="Select" onPick={(ancestor) => useUiStore.setState({ selectedElementId: ancestor.id })} />
      {parent || inside ? (
        <p className="muted small crumb-hint">
          On the canvas{parent ? (
            <>
              , <kbd>Alt</kbd>+<kbd>↑</kbd> goes to its parent
            </>
          ) : null}
          {inside ? (
            <>
              , <kbd>Alt</kbd>+<kbd>↓</kbd> {parent ? 'to' : 'goes to'} {inside === 1 ? 'the element inside it' : `the first of the ${inside} elements inside it`}
            </>
          ) : null}
          .
        </p>
      ) : null}
      <h3>{element.name || element.tag || 'Element'}</h3>
      <p className="muted small">
        {[element.role, element.tag && `<${element.tag}>`, `${Math.round(element.box.width)}×${Math.round(element.box.height)} at ${Math.round(element.box.x)}, ${Math.round(element.box.y)}`]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {drawn ? (
        <>
          <SelectorField key={element.id} screenId={screen.id} element={element} />
          <label className="field">
            <span className="field-label">Name</span>
            <input defaultValue={element.name ?? ''} onBlur={(event) => updateDrawnElement(screen.id, element.id, { name: event.target.value.trim() })} />
          </label>
          <button type="button" className="button small danger" onClick={() => deleteDrawnElement(screen.id, element.id)}>
            Delete element
          </button>
        </>
      ) : (
        <dl className="selector-list">
          <dt>Selector</dt>
          <dd>
            <code data-testid="selected-selector">{element.selector}</code>
          </dd>
          {element.alternates.length ? <dt>Fallbacks</dt> : null}
          {element.alternates.map((alternate) => (
            <dd key={alternate}>
              <code>{alternate}</code>
            </dd>
          ))}
        </dl>
      )}
      {note ? <p className="note small">{note}</p> : null}
    </section>
  );
}

const LIST_LIMIT = 200;

/** The selected element, and every element of the map as a list to find one by name (and by keyboard). */
export const ElementInspector = memo(function ElementInspector({ screen }: { screen: Screen }) {
  const selectedElementId = useUiStore((state) => state.selectedElementId);
  const [filter, setFilter] = useState('');
  const selected = screen.elements.find((element) => element.id === selectedElementId);
  const matches = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return screen.elements.filter((element) => !needle || `${element.name ?? ''} ${element.role ?? ''} ${element.tag} ${element.selector}`.toLowerCase().includes(needle));
  }, [screen.elements, filter]);
  return (
    <>
      {selected ? <SelectedElement screen={screen} element={selected} /> : null}
      <section className="inspector-section" aria-label="Elements">
        <h3>
          Elements <span className="panel-count">{screen.elements.length}</span>
        </h3>
        {screen.elements.length ? (
          <>
            <input className="filter-input" type="search" placeholder="Find an element" aria-label="Find an element" value={filter} onChange={(event) => setFilter(event.target.value)} />
            <ul className="element-list" aria-label="Mapped elements">
              {matches.slice(0, LIST_LIMIT).map((element) => (
                <li key={element.id}>
                  <button type="button" aria-current={element.id === selectedElementId ? 'true' : undefined} onClick={() => useUiStore.setState({ selectedElementId: element.id })}>
                    <span className="element-name">{element.name || element.selector}</span>
                    <span className="muted small">{element.role ?? element.tag}</span>
                  </button>
                </li>
              ))}
            </ul>
            {matches.length > LIST_LIMIT ? <p className="muted small">{matches.length - LIST_LIMIT} more: type to narrow down.</p> : null}
          </>
        ) : (
          <p className="muted small">{screen.source.kind === 'image' ? 'This screen is an image: draw a box on it and type the selector.' : 'No elements were mapped on this page.'}</p>
        )}
      </section>
    </>
  );
});
