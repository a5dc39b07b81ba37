import { useState } from 'react';
import type { Flow } from '../../../shared/model/flow';
import { useApp } from '../app/appContext';
import { CommandButton } from '../app/CommandButton';
import { useDocumentStore } from '../store/documentStore';
import { deleteFlow, renameFlow } from '../store/flowActions';
import { useUiStore } from '../store/uiStore';
import { Icon } from '../ui/Icon';
import { RenameField } from '../ui/RenameField';
import { FlowKindIcon } from './FlowKindIcon';

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
  }
}

/** The project's flows: create one of each kind, select, rename in place, delete. */
export function FlowsPanel() {
  const { commands } = useApp();
  const flows = useDocumentStore((state) => state.project?.flows ?? []);
  const selectedFlowId = useUiStore((state) => state.selectedFlowId);
  const renamingFlowId = useUiStore((state) => state.renamingFlowId);
  const [menuOpen, setMenuOpen] = useState(false);
  const stopRenaming = () => useUiStore.setState({ renamingFlowId: null });

  return (
    <section className="panel" aria-labelledby="flows-heading">
      <header className="panel-header">
        <h2 id="flows-heading">Flows</h2>
        <div className="menu-anchor">
          <button type="button" className="button small" aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen((open) => !open)}>
            + New flow
          </button>
          {menuOpen ? (
            <div className="menu" role="menu" onClick={() => setMenuOpen(false)} onKeyDown={(event) => event.key === 'Escape' && setMenuOpen(false)}>
              {(['flow.newTour', 'flow.newHotspot', 'flow.newChecklist', 'flow.newSurvey'] as const).map((id) => (
                <CommandButton key={id} command={id} className="menu-item" role="menuitem">
                  {commands.get(id)?.label.replace('New ', '')}
                </CommandButton>
              ))}
            </div>
          ) : null}
        </div>
      </header>
      {flows.length === 0 ? <p className="panel-empty">No flows yet. Add a product tour, hotspot, checklist or NPS survey.</p> : null}
      <ul className="flow-list" aria-label="Flows">
        {flows.map((flow) => (
          <li key={flow.id} className={`flow-row${flow.id === selectedFlowId ? ' selected' : ''}`}>
            {flow.id === renamingFlowId ? (
              <RenameField name={flow.name} onRename={(name) => renameFlow(flow.id, name)} onDone={stopRenaming} />
            ) : (
              <button
                type="button"
                className="flow-row-main"
                aria-current={flow.id === selectedFlowId ? 'true' : undefined}
                onClick={() => useUiStore.setState({ selectedFlowId: flow.id })}
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
            <span className="flow-row-actions">
              <button type="button" className="icon-button" aria-label={`Play ${flow.name}`} title="Play in preview" onClick={() => useUiStore.setState({ selectedFlowId: flow.id, previewFlowId: flow.id })}>
                <Icon name="play" size={16} />
              </button>
              <button type="button" className="icon-button" aria-label={`Rename ${flow.name}`} title="Rename (F2)" onClick={() => useUiStore.setState({ selectedFlowId: flow.id, renamingFlowId: flow.id })}>
                <Icon name="pencil" size={16} />
              </button>
              <button type="button" className="icon-button danger" aria-label={`Delete ${flow.name}`} title="Delete" onClick={() => deleteFlow(flow.id)}>
                <Icon name="trash" size={16} />
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
