import type { BuilderClient } from '../../../shared/api/client';
import { COMMANDS, type CommandDescriptor, type CommandId } from '../../../shared/commands/commandCatalog';
import type { FlowKind } from '../../../shared/model/flow';
import type { ProjectSession } from '../app/projectSession';
import { redo, undo, useDocumentStore } from '../store/documentStore';
import { addFlow, deleteFlow, duplicateFlow } from '../store/flowActions';
import { deleteItems, duplicateItems } from '../store/flowItems';
import { addResourceCenter, deleteResourceCenterParts, duplicateResourceCenterParts } from '../store/resourceCenterActions';
import { openDialog, useUiStore } from '../store/uiStore';
import { useCanvasView } from '../canvas/canvasView';
import { importBundleFile } from '../export/importBundleFile';
import { importImageFiles } from '../screens/importImages';
import { createCommandRegistry, type Command, type CommandRegistry } from './commandRegistry';

type CommandBinding = Pick<Command, 'run' | 'enabled'>;

const hasProject = () => useDocumentStore.getState().project !== null;
const hasSelectedFlow = () => {
  const { selectedFlowId } = useUiStore.getState();
  return Boolean(selectedFlowId && useDocumentStore.getState().project?.flows.some((flow) => flow.id === selectedFlowId));
};

const selectedFlowIsResourceCenter = () => {
  const { selectedFlowId } = useUiStore.getState();
  return useDocumentStore.getState().project?.flows.find((flow) => flow.id === selectedFlowId)?.kind === 'resourceCenter';
};

const hasScreen = () => Boolean(useUiStore.getState().selectedScreenId);

/** Binds every command of the catalog to what it does, in one registry for the whole app. */
export function createAppCommands(session: ProjectSession, client: BuilderClient): CommandRegistry {
  const pickFiles = (accept: string, multiple: boolean, onPick: (files: File[]) => void) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.hidden = true;
    input.addEventListener('change', () => {
      onPick(Array.from(input.files ?? []));
      input.remove();
    });
    input.addEventListener('cancel', () => input.remove());
    document.body.append(input);
    input.click();
  };
  const pickImageFiles = () => {
    const projectPath = useUiStore.getState().projectPath;
    if (projectPath) pickFiles('image/png,image/jpeg,image/webp', true, (files) => void importImageFiles(client, projectPath, files));
  };
  const newFlow = (kind: FlowKind): CommandBinding => ({ enabled: hasProject, run: () => void addFlow(kind) });
  const bindings: Record<CommandId, CommandBinding> = {
    'project.new': { run: () => openDialog({ kind: 'newProject' }) },
    'project.open': {
      async run() {
        if (!useUiStore.getState().appInfo?.nativeDialogs) {
          openDialog({ kind: 'openProject' });
          return;
        }
        const { path } = await client.call('dialog.chooseProject', {});
        if (path) await session.open(path);
      },
    },
    'project.save': { enabled: hasProject, run: () => void session.save() },
    'project.saveAs': { enabled: hasProject, run: () => openDialog({ kind: 'saveAs' }) },
    'project.export': { enabled: hasProject, run: () => openDialog({ kind: 'export' }) },
    'project.importBundle': {
      enabled: hasProject,
      run: () => pickFiles('application/json,.json', false, (files) => files[0] && void importBundleFile(files[0])),
    },
    'project.close': { enabled: hasProject, run: () => session.close() },
    'edit.undo': { enabled: () => useDocumentStore.temporal.getState().pastStates.length > 0, run: undo },
    'edit.redo': { enabled: () => useDocumentStore.temporal.getState().futureStates.length > 0, run: redo },
    'screen.capture': {
      enabled: hasProject,
      // A capture adds to the project under the preview: the preview closes first, as it would for any edit.
      run: () => {
        useUiStore.setState({ previewFlowId: null });
        openDialog({ kind: 'capture' });
      },
    },
    'screen.addImage': { enabled: hasProject, run: () => pickImageFiles() },
    'edit.deselect': {
      // One level at a time: picking an anchor, then the canvas element, then the steps.
      run: () => {
        const { pickingAnchor, selectedElementId, selectedItemIds } = useUiStore.getState();
        if (pickingAnchor) useUiStore.setState({ pickingAnchor: null });
        else if (selectedElementId) useUiStore.setState({ selectedElementId: null });
        else if (selectedItemIds.length) useUiStore.setState({ selectedItemIds: [] });
      },
    },
    'edit.duplicate': {
      enabled: hasSelectedFlow,
      run: () => {
        const { selectedFlowId, selectedItemIds } = useUiStore.getState();
        if (!selectedFlowId) return;
        if (selectedItemIds.length && selectedFlowIsResourceCenter()) duplicateResourceCenterParts(selectedFlowId, selectedItemIds);
        else if (selectedItemIds.length) duplicateItems(selectedFlowId, selectedItemIds);
        else duplicateFlow(selectedFlowId);
      },
    },
    'edit.delete': {
      enabled: hasSelectedFlow,
      run: () => {
        const { selectedFlowId, selectedItemIds } = useUiStore.getState();
        if (!selectedFlowId) return;
        if (selectedItemIds.length && selectedFlowIsResourceCenter()) deleteResourceCenterParts(selectedFlowId, selectedItemIds);
        else if (selectedItemIds.length) deleteItems(selectedFlowId, selectedItemIds);
        else deleteFlow(selectedFlowId);
      },
    },
    'view.zoomIn': { enabled: hasScreen, run: () => useCanvasView.getState().step(1) },
    'view.zoomOut': { enabled: hasScreen, run: () => useCanvasView.getState().step(-1) },
    'view.zoomFit': { enabled: hasScreen, run: () => useCanvasView.getState().fit() },
    'view.zoomActual': { enabled: hasScreen, run: () => useCanvasView.getState().actualSize() },
    'flow.newTour': newFlow('tour'),
    'flow.newHotspot': newFlow('hotspot'),
    'flow.newChecklist': newFlow('checklist'),
    'flow.newSurvey': newFlow('survey'),
    // One per project: a second would only repeat the first on the same pages.
    'flow.newResourceCenter': { enabled: hasProject, run: () => void addResourceCenter() },
    'flow.rename': { enabled: hasSelectedFlow, run: () => useUiStore.setState({ renamingFlowId: useUiStore.getState().selectedFlowId }) },
    'flow.delete': {
      enabled: hasSelectedFlow,
      run: () => {
        const id = useUiStore.getState().selectedFlowId;
        if (id) deleteFlow(id);
      },
    },
    'flow.play': { enabled: hasSelectedFlow, run: () => useUiStore.setState({ previewFlowId: useUiStore.getState().selectedFlowId }) },
    'health.check': {
      enabled: hasProject,
      // The check reads the project as it is now; the preview closes as it would for a capture.
      run: () => {
        useUiStore.setState({ previewFlowId: null });
        openDialog({ kind: 'checkFlows' });
      },
    },
    'help.shortcuts': { run: () => openDialog({ kind: 'shortcuts' }) },
  };
  const registry = createCommandRegistry();
  for (const descriptor of COMMANDS as readonly CommandDescriptor[]) {
    registry.register({ ...descriptor, id: descriptor.id as CommandId, ...bindings[descriptor.id as CommandId] });
  }
  return registry;
}
