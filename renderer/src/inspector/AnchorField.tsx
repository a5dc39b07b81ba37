import { anchoredElement } from '../../../shared/lint/anchorLint';
import type { Anchor } from '../../../shared/model/anchor';
import { anchorFromElement } from '../canvas/anchorFromElement';
import { useDocumentStore } from '../store/documentStore';
import { anchorTo } from '../store/flowActions';
import { useUiStore } from '../store/uiStore';
import { Icon } from '../ui/Icon';
import { ElementBreadcrumb } from './ElementBreadcrumb';

/** What a person would call the element, from its fingerprint: its own text or label. */
function fingerprintName(anchor: Anchor): string {
  const fingerprint = anchor.fingerprint;
  const attributes = fingerprint?.attributes ?? {};
  return (fingerprint?.text || attributes['aria-label'] || attributes.title || attributes.alt || attributes.placeholder || '').trim();
}

/** Where a step or hotspot points: the element and screen, and the button to pick one on the canvas. */
export function AnchorField({ flowId, itemId, anchor, onClear }: { flowId: string; itemId: string | null; anchor: Anchor | undefined; onClear(): void }) {
  const picking = useUiStore((state) => state.pickingAnchor);
  const screen = useDocumentStore((state) => state.project?.screens.find((candidate) => candidate.id === anchor?.screenId));
  // Not simply by id: after a new capture of the screen the id may name another element.
  const element = anchor && screen ? anchoredElement(anchor, screen) : null;
  // Without a map entry (re-anchored from a live check, imported) the fingerprint still names it; never the selector twice.
  const name = element?.name?.trim() || (anchor ? fingerprintName(anchor) : '');
  const active = picking?.flowId === flowId && picking.itemId === itemId;
  const hasScreens = useDocumentStore((state) => (state.project?.screens.length ?? 0) > 0);
  return (
    <div className="field anchor-field">
      <span className="field-label">Anchor</span>
      {anchor ? (
        <div className="anchor-summary">
          {name ? <strong>{name}</strong> : null}
          <code>{anchor.selectors[0]}</code>
          <span className="muted small">on {screen?.name ?? 'a deleted screen'}</span>
          {screen && element ? (
            <ElementBreadcrumb
              elements={screen.elements}
              elementId={element.id}
              label="Anchor ancestors"
              action="Anchor to"
              onPick={(ancestor) => {
                anchorTo(flowId, itemId, anchorFromElement(screen.id, ancestor));
                useUiStore.setState({ selectedScreenId: screen.id, selectedElementId: ancestor.id });
              }}
            />
          ) : null}
        </div>
      ) : (
        <p className="muted small">Not anchored: it shows in the middle of the page.</p>
      )}
      <div className="button-row">
        <button
          type="button"
          className={`button small${active ? ' primary' : ''}`}
          disabled={!hasScreens}
          title={hasScreens ? 'Then click an element on the screenshot' : 'Capture a screen first'}
          onClick={() => useUiStore.setState({ pickingAnchor: active ? null : { flowId, itemId } })}
        >
          <Icon name="target" size={14} /> {active ? 'Click an element…' : anchor ? 'Change anchor' : 'Pick on canvas'}
        </button>
        {anchor ? (
          <button type="button" className="button small subtle" onClick={onClear}>
            Remove anchor
          </button>
        ) : null}
      </div>
    </div>
  );
}
