import { memo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Flow } from '../../../shared/model/flow';
import { useApp } from '../app/appContext';
import { CommandButton } from '../app/CommandButton';
import { FlowKindIcon } from '../project/FlowKindIcon';
import { useDocumentStore } from '../store/documentStore';
import { deleteFlow, duplicateFlow, moveFlow, renameFlow, selectFlow } from '../store/flowActions';
import { useUiStore } from '../store/uiStore';
import { RowAction } from '../ui/RowAction';
import { RenameField } from '../ui/RenameField';
import { ResourceCenterOutline } from '../resourceCenter/ResourceCenterOutline';
import { ItemList } from './ItemList';
import { DragHandle, SortableList, useSortableRow } from './sortable';

function summary(flow: Flow): string {
  switch (flow.kind) {
    case 'tour':
      return `${flow.tour.steps.length} step${flow.tour.steps.length === 1 ? '' : 's'}`;
    case 'checklist':
      return `${flow.checklist.items.length} item${flow.checklist.items.length === 1 ? '' : 's'}`;
    case 'hotspot':
      return flow.hotspot.anchor ? 'Anchored' : 'Not anchored yet';
    case 'survey':
      return 'NPS 0–10';
    case 'resourceCenter': {
      const count = flow.resourceCenter.sections.length;
      return `${count} section${count === 1 ? '' : 's'}`;
    }
  }
}

const FlowRow = memo(function FlowRow({ flowId, selected, renaming, locale }: { flowId: string; selected: boolean; renaming: boolean; locale: string }) {
  // Each row reads its own flow, so typing in one flow re-renders that row only.
  const flow = useDocumentStore((state) => state.project?.flows.find((candidate) => candidate.id === flowId));
  const { rowRef, rowStyle, handleProps, isDragging } = useSortableRow(flowId);
  if (!flow) return null;
  return (
    <li ref={rowRef} style={rowStyle} className={`flow-entry${isDragging ? ' dragging' : ''}`}>
      <div className={`flow-row${selected ? ' selected' : ''}`}>
        <DragHandle label={`Reorder flow ${flow.name}`} props={handleProps} />
        {renaming ? (
          <RenameField name={flow.name} onRename={(name) => renameFlow(flow.id, name)} onDone={() => useUiStore.setState({ renamingFlowId: null })} />
        ) : (
          <button
            type="button"
            className="flow-row-main"
            title={`${flow.name}\n${summary(flow)} · ${flow.status === 'ready' ? 'Ready' : 'Draft'}`}
            aria-current={selected ? 'true' : undefined}
            aria-expanded={flow.kind === 'tour' || flow.kind === 'checklist' || flow.kind === 'resourceCenter' ? selected : undefined}
            onClick={() => selectFlow(flow.id)}
            onDoubleClick={() => useUiStore.setState({ selectedFlowId: flow.id, renamingFlowId: flow.id })}
          >
            <FlowKindIcon kind={flow.kind} />
            <span className="flow-row-text">
              <span className="flow-row-name">{flow.name}</span>
              <span className="flow-row-meta">
                {summary(flow)} · {flow.status === 'ready' ? 'Ready' : 'Draft'}
              </span>
            </span>
          </button>
        )}
        <span className="row-actions">
          <RowAction icon="play" label={`Play ${flow.name}`} title="Play in preview (Ctrl/Cmd+Enter)" size={15} onClick={() => useUiStore.setState({ selectedFlowId: flow.id, previewFlowId: flow.id })} />
          <RowAction icon="copy" label={`Duplicate ${flow.name}`} title="Duplicate" size={15} onClick={() => duplicateFlow(flow.id)} />
          <RowAction icon="pencil" label={`Rename ${flow.name}`} title="Rename (F2)" size={15} onClick={() => useUiStore.setState({ selectedFlowId: flow.id, renamingFlowId: flow.id })} />
          <RowAction icon="trash" label={`Delete ${flow.name}`} title="Delete (undo brings it back)" danger size={15} onClick={() => deleteFlow(flow.id)} />
        </span>
      </div>
      {selected && flow.kind === 'resourceCenter' ? <ResourceCenterOutline flow={flow} locale={locale} /> : null}
      {selected && flow.kind !== 'resourceCenter' ? <ItemList flow={flow} locale={locale} /> : null}
    </li>
  );
});

/** The outline: flows (reorderable), and under the selected one its steps or items. */
export function FlowsOutline() {
  const { commands } = useApp();
  const flowIds = useDocumentStore(useShallow((state) => state.project?.flows.map((flow) => flow.id) ?? []));
  const locale = useDocumentStore((state) => state.project?.locales.defaultLocale ?? 'en');
  const selectedFlowId = useUiStore((state) => state.selectedFlowId);
  const renamingFlowId = useUiStore((state) => state.renamingFlowId);
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <section className="panel" aria-labelledby="flows-heading">
      <header className="panel-header">
        <h2 id="flows-heading">
          Flows <span className="panel-count">{flowIds.length}</span>
        </h2>
        <div className="menu-anchor panel-actions">
          <CommandButton command="project.importBundle" className="button small" ariaLabel="Import bundle…">
            Import
          </CommandButton>
          <button type="button" className="button small" aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen((open) => !open)}>
            + New flow
          </button>
          {menuOpen ? (
            <div className="menu" role="menu" onClick={() => setMenuOpen(false)} onKeyDown={(event) => event.key === 'Escape' && setMenuOpen(false)}>
              {(['flow.newTour', 'flow.newHotspot', 'flow.newChecklist', 'flow.newSurvey', 'flow.newResourceCenter'] as const).map((id) => (
                <CommandButton key={id} command={id} className="menu-item" role="menuitem">
                  {commands.get(id)?.label.replace('New ', '')}
                </CommandButton>
              ))}
            </div>
          ) : null}
        </div>
      </header>
      {flowIds.length === 0 ? <p className="panel-empty">No flows yet. Add a product tour, hotspot, checklist, NPS survey or resource center.</p> : null}
      <SortableList ids={flowIds} label="flows" onMove={moveFlow}>
        <ul className="flow-list" aria-label="Flows">
          {flowIds.map((flowId) => (
            <FlowRow key={flowId} flowId={flowId} selected={flowId === selectedFlowId} renaming={flowId === renamingFlowId} locale={locale} />
          ))}
        </ul>
      </SortableList>
    </section>
  );
}
