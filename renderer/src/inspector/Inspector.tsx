import { useEffect, useRef } from 'react';
import type { Flow, FlowOf } from '../../../shared/model/flow';
import type { Screen } from '../../../shared/model/screen';
import { ElementInspector } from '../canvas/ElementInspector';
import { ResourceCenterInspector } from '../resourceCenter/ResourceCenterInspector';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { Icon } from '../ui/Icon';
import { ChecklistInspector, ChecklistItemInspector } from './ChecklistInspector';
import { FlowSettings } from './FlowSettings';
import { HotspotInspector } from './HotspotInspector';
import { LanguagesPanel } from './LanguagesPanel';
import { StepInspector } from './StepInspector';
import { SurveyInspector } from './SurveyInspector';
import { ThemePanel } from './ThemePanel';

const TABS = [
  ['selection', 'Selection', 'target'],
  ['theme', 'Theme', 'palette'],
  ['languages', 'Languages', 'globe'],
] as const;

function FlowInspector({ flow, itemId }: { flow: Flow; itemId: string | undefined }) {
  if (flow.kind === 'tour') {
    const index = flow.tour.steps.findIndex((step) => step.id === itemId);
    if (index >= 0) return <StepInspector key={itemId} flow={flow} step={flow.tour.steps[index]!} index={index} />;
  }
  if (flow.kind === 'resourceCenter' && itemId) return <ResourceCenterInspector flow={flow} itemId={itemId} />;
  if (flow.kind === 'checklist') {
    const index = flow.checklist.items.findIndex((item) => item.id === itemId);
    if (index >= 0) return <ChecklistItemInspector key={itemId} flow={flow} item={flow.checklist.items[index]!} index={index} />;
  }
  return (
    <>
      {flow.kind === 'tour' ? <p className="inspector-hint muted small">Select a step in the outline to edit it, or add one with “+ Add step”.</p> : null}
      {flow.kind === 'hotspot' ? <HotspotInspector flow={flow as FlowOf<'hotspot'>} /> : null}
      {flow.kind === 'checklist' ? <ChecklistInspector flow={flow as FlowOf<'checklist'>} /> : null}
      {flow.kind === 'survey' ? <SurveyInspector flow={flow as FlowOf<'survey'>} /> : null}
      {flow.kind === 'resourceCenter' ? <ResourceCenterInspector flow={flow} itemId={undefined} /> : null}
      <FlowSettings key={flow.id} flow={flow} />
    </>
  );
}

/** The right-hand panel: what is selected (element, flow, step or item), the theme, the languages. */
export function Inspector({ screen }: { screen: Screen | undefined }) {
  const tab = useUiStore((state) => state.inspectorTab);
  const selectedFlowId = useUiStore((state) => state.selectedFlowId);
  const itemId = useUiStore((state) => state.selectedItemIds.at(-1));
  const selectedCount = useUiStore((state) => state.selectedItemIds.length);
  const flow = useDocumentStore((state) => state.project?.flows.find((candidate) => candidate.id === selectedFlowId));
  const panel = useRef<HTMLElement>(null);
  // Another flow or tab is another page: start at its top, not at the last one's scroll position.
  useEffect(() => {
    if (panel.current) panel.current.scrollTop = 0;
  }, [selectedFlowId, tab]);
  return (
    <aside className="inspector" aria-label="Inspector" ref={panel}>
      <div className="tabs" role="tablist" aria-label="Inspector">
        {TABS.map(([id, label, icon]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className="tab" onClick={() => useUiStore.setState({ inspectorTab: id })}>
            <Icon name={icon} size={14} /> {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="inspector-body">
        {tab === 'theme' ? <ThemePanel /> : null}
        {tab === 'languages' ? <LanguagesPanel /> : null}
        {tab === 'selection' ? (
          <>
            {selectedCount > 1 ? <p className="inspector-hint small">{selectedCount} selected: Delete removes them, Ctrl/Cmd+D duplicates them. The last one is shown below.</p> : null}
            {flow ? <FlowInspector key={flow.id} flow={flow} itemId={itemId} /> : <p className="inspector-hint muted small">Select a flow, or create one with “+ New flow”.</p>}
            {screen ? <ElementInspector key={screen.id} screen={screen} /> : null}
          </>
        ) : null}
      </div>
    </aside>
  );
}
