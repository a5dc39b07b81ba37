// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen as view } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildBundle } from '../../shared/bundle/buildBundle';
import { createFlow, createProject } from '../../shared/model/create';
import type { Fingerprint } from '../../shared/model/fingerprint';
import type { Screen } from '../../shared/model/screen';
import { AppContext } from '../../renderer/src/app/appContext';
import { createProjectSession } from '../../renderer/src/app/projectSession';
import { ScreenCanvas } from '../../renderer/src/canvas/ScreenCanvas';
import { useCanvasView } from '../../renderer/src/canvas/canvasView';
import { createAppCommands } from '../../renderer/src/commands/appCommands';
import { useDocumentStore } from '../../renderer/src/store/documentStore';
import { useUiStore } from '../../renderer/src/store/uiStore';
import { fakeClient, openProject } from './support/renderApp';

const card: Fingerprint = { tag: 'div', classes: ['card'], ancestors: [{ tag: 'main' }], index: 2, box: { x: 0, y: 0, width: 300, height: 200 } };
const button: Fingerprint = { tag: 'a', role: 'link', text: 'Open Tables', attributes: { href: '/tables.html' }, ancestors: [{ tag: 'div', classes: ['card'] }, { tag: 'main' }], index: 1, box: { x: 20, y: 150, width: 100, height: 30 } };

const capturedScreen: Screen = {
  id: 'scr_dashboard',
  name: 'Dashboard',
  image: { file: `${'b'.repeat(64)}.png`, width: 1000, height: 800 },
  source: { kind: 'url', url: 'http://127.0.0.1/', viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1, fullPage: false },
  elements: [
    { id: 'card', box: { x: 0, y: 0, width: 300, height: 200 }, tag: 'div', name: 'Tables', selector: '.card:nth-of-type(2)', alternates: [], context: 'document', fingerprint: card },
    { id: 'link', box: { x: 20, y: 150, width: 100, height: 30 }, tag: 'a', role: 'link', name: 'Open Tables', selector: 'a[href="/tables.html"]', alternates: ['main .card a'], context: 'document', parentId: 'card', fingerprint: button },
    // Captured before fingerprints (a version 1 map): no fingerprint to give.
    { id: 'old', box: { x: 500, y: 500, width: 80, height: 40 }, tag: 'button', name: 'Save', selector: '#save', alternates: [], context: 'document' },
  ],
};

beforeAll(() => {
  // jsdom has no layout; the canvas only needs the observer to exist.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

let hotspotId: string;
beforeEach(() => {
  const project = createProject('Acme');
  const hotspot = createFlow('hotspot', 'Tables', 'en');
  hotspotId = hotspot.id;
  openProject({ ...project, screens: [capturedScreen], flows: [hotspot] });
});
afterEach(cleanup);

function renderCanvas() {
  const client = fakeClient();
  const session = createProjectSession(client);
  render(
    <AppContext.Provider value={{ client, session, commands: createAppCommands(session, client) }}>
      <ScreenCanvas screen={capturedScreen} />
    </AppContext.Provider>,
  );
  // Screenshot pixels = canvas pixels, so a click at (x, y) lands on image point (x, y).
  act(() => useCanvasView.setState({ view: { zoom: 1, x: 0, y: 0, fitted: false } }));
  return view.getByRole('application');
}

function pickAt(canvas: HTMLElement, x: number, y: number) {
  act(() => useUiStore.setState({ pickingAnchor: { flowId: hotspotId, itemId: null } }));
  fireEvent.pointerUp(canvas, { button: 0, clientX: x, clientY: y, pointerId: 1 });
}

const hotspotAnchor = () => {
  const flow = useDocumentStore.getState().project!.flows[0]!;
  return flow.kind === 'hotspot' ? flow.hotspot.anchor : undefined;
};

describe('anchoring to a mapped element on the canvas', () => {
  it("gives the anchor the element's fingerprint with its selectors, and the export carries it", () => {
    const canvas = renderCanvas();
    pickAt(canvas, 60, 160);
    expect(hotspotAnchor()).toEqual({ screenId: 'scr_dashboard', elementId: 'link', selectors: ['a[href="/tables.html"]', 'main .card a'], box: { x: 20, y: 150, width: 100, height: 30 }, fingerprint: button });
    const exported = buildBundle(useDocumentStore.getState().project!).flows[0]!;
    expect(exported.kind === 'hotspot' && exported.hotspot.anchor).toEqual({ selectors: ['a[href="/tables.html"]', 'main .card a'], fingerprint: button });
  });

  it('picks the enclosing card, with its own fingerprint, where the pointer is on the card only', () => {
    pickAt(renderCanvas(), 250, 40);
    expect(hotspotAnchor()).toMatchObject({ elementId: 'card', fingerprint: card });
  });

  it('records no fingerprint for an element captured without one', () => {
    pickAt(renderCanvas(), 520, 520);
    expect(hotspotAnchor()).toEqual({ screenId: 'scr_dashboard', elementId: 'old', selectors: ['#save'], box: { x: 500, y: 500, width: 80, height: 40 } });
  });
});
