import type { CSSProperties } from 'react';
import { CommandButton } from '../app/CommandButton';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { Icon } from '../ui/Icon';
import { CanvasArea } from './CanvasArea';
import { FlowsOutline } from '../outline/FlowsOutline';
import { ProblemsPanel } from '../export/ProblemsPanel';
import { EditingLocalePicker } from './EditingLocalePicker';
import { SaveState } from './SaveState';
import { ScreensPanel } from '../screens/ScreensPanel';
import { useImageDropAndPaste } from '../screens/useImageDropAndPaste';
import { AreaErrorBoundary } from '../ui/AreaErrorBoundary';
import { PanelResizer } from './PanelResizer';
import { usePanelWidths } from './usePanelWidths';

/** The editor: toolbar on top, screens and flows on the left, the canvas in the middle. */
export function ProjectView() {
  const name = useDocumentStore((state) => state.project?.name ?? '');
  const dropping = useImageDropAndPaste();
  const [widths, setWidth] = usePanelWidths();
  // While Play runs, the editor under it can be neither seen through the preview nor clicked or tabbed to.
  const playing = useUiStore((state) => state.previewFlowId !== null);
  const columns = { '--left-panel-width': `${widths.left}px`, '--right-panel-width': `${widths.right}px` } as CSSProperties;
  return (
    <div className="project-view" inert={playing}>
      <header className="toolbar">
        <span className="brand-mark small" aria-hidden="true">
          S
        </span>
        <h1 className="toolbar-title">{name}</h1>
        <SaveState />
        <div className="toolbar-spacer" />
        <EditingLocalePicker />
        <CommandButton command="edit.undo" className="icon-button" ariaLabel="Undo">
          <Icon name="undo" />
        </CommandButton>
        <CommandButton command="edit.redo" className="icon-button" ariaLabel="Redo">
          <Icon name="redo" />
        </CommandButton>
        <CommandButton command="flow.play" className="button">
          <Icon name="play" size={14} /> Play
        </CommandButton>
        <CommandButton command="help.shortcuts" className="icon-button" ariaLabel="Keyboard shortcuts">
          <Icon name="keyboard" />
        </CommandButton>
        <CommandButton command="project.export" className="button">
          Export…
        </CommandButton>
        <CommandButton command="project.saveAs" className="button">
          Save as…
        </CommandButton>
        <CommandButton command="project.save" className="button primary">
          Save
        </CommandButton>
        <CommandButton command="project.close" className="button subtle">
          Close
        </CommandButton>
      </header>
      <div className="workspace" style={columns}>
        <aside className="sidebar">
          <AreaErrorBoundary area="screens list">
            <ScreensPanel />
          </AreaErrorBoundary>
          <AreaErrorBoundary area="flows outline">
            <FlowsOutline />
          </AreaErrorBoundary>
          <AreaErrorBoundary area="problems list">
            <ProblemsPanel />
          </AreaErrorBoundary>
          {/* Inside a landmark for screen readers; positioned against the workspace, so the sidebar's scrolling does not move them. */}
          <PanelResizer side="left" label="Resize the screens and flows panel" width={widths.left} onResize={(width) => setWidth('left', width)} />
          <PanelResizer side="right" label="Resize the inspector" width={widths.right} onResize={(width) => setWidth('right', width)} />
        </aside>
        <CanvasArea />
      </div>
      {dropping ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop images to add them as screens
        </div>
      ) : null}
    </div>
  );
}
