import type { Screen } from '../../../shared/model/screen';
import { useDocumentStore } from './documentStore';
import { useUiStore } from './uiStore';

/** Adds a captured or imported screen and shows it on the canvas. */
export function addScreen(screen: Screen): void {
  useDocumentStore.getState().change('Add screen', (draft) => {
    draft.screens.push(screen);
  });
  useUiStore.setState({ selectedScreenId: screen.id, selectedElementId: null });
}

/** A new capture of an existing screen: new image and map, same id and name, so anchors keep pointing at it. */
export function replaceScreenCapture(screenId: string, captured: Screen): void {
  useDocumentStore.getState().change('Capture screen again', (draft) => {
    const screen = draft.screens.find((candidate) => candidate.id === screenId);
    if (!screen) return;
    screen.image = captured.image;
    screen.source = captured.source;
    screen.elements = captured.elements;
    if (captured.capturedAt) screen.capturedAt = captured.capturedAt;
  });
  useUiStore.setState({ selectedScreenId: screenId, selectedElementId: null });
}

export function renameScreen(screenId: string, name: string): void {
  const trimmed = name.trim();
  if (!trimmed) return;
  useDocumentStore.getState().change('Rename screen', (draft) => {
    const screen = draft.screens.find((candidate) => candidate.id === screenId);
    if (screen && screen.name !== trimmed) screen.name = trimmed.slice(0, 200);
  });
}

/** Deletes a screen (undoable); its image file stays until the project no longer needs it. */
export function deleteScreen(screenId: string): void {
  const screens = useDocumentStore.getState().project?.screens ?? [];
  const index = screens.findIndex((screen) => screen.id === screenId);
  if (index < 0) return;
  useDocumentStore.getState().change('Delete screen', (draft) => {
    draft.screens.splice(index, 1);
  });
  const remaining = useDocumentStore.getState().project?.screens ?? [];
  if (useUiStore.getState().selectedScreenId === screenId) {
    useUiStore.setState({ selectedScreenId: remaining[Math.min(index, remaining.length - 1)]?.id ?? null, selectedElementId: null });
  }
}

/** An element drawn by hand on a screen without a map (an image): a box and the selector the author typed. */
export function addDrawnElement(screenId: string, element: Screen['elements'][number]): void {
  useDocumentStore.getState().change('Draw element', (draft) => {
    draft.screens.find((screen) => screen.id === screenId)?.elements.push(element);
  });
  useUiStore.setState({ selectedElementId: element.id });
}

export function updateDrawnElement(screenId: string, elementId: string, patch: { selector?: string; name?: string }): void {
  useDocumentStore.getState().change('Edit element', (draft) => {
    const element = draft.screens.find((screen) => screen.id === screenId)?.elements.find((candidate) => candidate.id === elementId);
    if (!element) return;
    if (patch.selector !== undefined && patch.selector !== element.selector) element.selector = patch.selector;
    if (patch.name !== undefined && patch.name !== element.name) element.name = patch.name;
  });
}

export function deleteDrawnElement(screenId: string, elementId: string): void {
  useDocumentStore.getState().change('Delete element', (draft) => {
    const screen = draft.screens.find((candidate) => candidate.id === screenId);
    if (screen) screen.elements = screen.elements.filter((element) => element.id !== elementId);
  });
  useUiStore.setState({ selectedElementId: null });
}
