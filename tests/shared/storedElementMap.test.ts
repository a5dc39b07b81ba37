import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../shared/bundle/buildBundle';
import type { MappedElement } from '../../shared/model/screen';
import { PROJECT_VERSION } from '../../shared/model/project';
import { loadProjectText } from '../../shared/project/loadProject';
import { readElementMap, storedProject, storeElementMap } from '../../shared/project/storedElementMap';
import { stableStringify } from '../../shared/stableJson';

const FILE = '/projects/Invoices.stepwise/project.json';
/** Saved by Stepwise at project format 2 (tests/fixtures/formatV2/README.md): a real capture of the demo site's invoices page with anchors on it. */
const v2Text = readFileSync(new URL('../fixtures/formatV2/project.json', import.meta.url), 'utf8');
const v2 = JSON.parse(v2Text) as { screens: { elements: MappedElement[] }[]; flows: unknown[] };

function load(text: string) {
  const result = loadProjectText(text, FILE);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('element maps as project.json stores them (format 3)', () => {
  it('opens a format 2 file with every entry, fingerprint and anchor as it was written', () => {
    const result = load(v2Text);
    expect(result.migratedFrom).toBe(2);
    expect(result.repairs).toEqual([]);
    expect(result.project.version).toBe(PROJECT_VERSION);
    expect(result.project.screens[0]!.elements).toEqual(v2.screens[0]!.elements);
    expect(result.project.flows).toEqual(v2.flows);
  });

  it('saves it smaller and reads back the very same project: complete fingerprints, selectors, boxes, tree', () => {
    const loaded = load(v2Text).project;
    const saved = stableStringify(storedProject(loaded));
    const reopened = load(saved);
    expect(reopened.migratedFrom).toBeNull();
    expect(reopened.repairs).toEqual([]);
    expect(reopened.project).toEqual(loaded);
    const compact = (elements: unknown) => Buffer.byteLength(JSON.stringify(elements));
    expect(compact(storeElementMap(loaded.screens[0]!.elements))).toBeLessThan(compact(loaded.screens[0]!.elements) * 0.6);
    // Each anchor still holds exactly its element's fingerprint (lint compares them as text), and the bundle carries it whole.
    const elements = reopened.project.screens[0]!.elements;
    const tour = reopened.project.flows.find((flow) => flow.kind === 'tour');
    for (const step of tour?.kind === 'tour' ? tour.tour.steps : []) {
      const element = elements.find((candidate) => candidate.id === step.anchor!.elementId)!;
      expect(JSON.stringify(step.anchor!.fingerprint)).toBe(JSON.stringify(element.fingerprint));
      expect(element.fingerprint!.ancestors!.length).toBeGreaterThan(0);
    }
    expect(buildBundle(reopened.project)).toEqual(buildBundle(loaded));
  });

  it('stores only what an entry and its parent do not already say', () => {
    const stored = storeElementMap(load(v2Text).project.screens[0]!.elements);
    const cell = stored.find((entry) => entry.name === '€860.50')!;
    // The row's selector, the parent's chain and the entry's own tag, name and box are not repeated.
    expect(cell.box).toEqual(expect.any(Array));
    expect((cell.selectors as string[]).some((selector) => selector.startsWith('&'))).toBe(true);
    expect(cell.fp).not.toHaveProperty('tag');
    expect(cell.fp).not.toHaveProperty('text');
    expect(cell.fp).not.toHaveProperty('box');
    expect(cell.fp).toHaveProperty('inherit');
  });

  it('keeps what differs from the entry: another box, no role, no text beside a name, a chain that is not the parent\'s, selectors starting with &', () => {
    const parent: MappedElement = {
      id: 'e1', box: { x: 0, y: 0, width: 500, height: 300 }, tag: 'ul', role: 'list', name: 'Menu', selector: '#menu', alternates: ['body > ul'], context: 'document',
      fingerprint: { tag: 'ul', role: 'list', text: 'Menu', attributes: { id: 'menu' }, index: 1, box: { x: 0, y: 0, width: 500, height: 300 } },
    };
    const child: MappedElement = {
      id: 'e2', parentId: 'e1', box: { x: 20, y: 20, width: 100, height: 20 }, tag: 'li', role: 'listitem', name: 'Home', selector: '&0 > li', alternates: ['#menu > li:nth-of-type(1)', 'body > ul > li'], context: 'shadow',
      fingerprint: { tag: 'li', ancestors: [{ tag: 'div', classes: ['wrapper'] }, { tag: 'ul', attributes: { id: 'menu', role: 'menu' } }], index: 1, box: { x: 40, y: 40, width: 200, height: 40 } },
    };
    const orphan: MappedElement = {
      id: 'e3', parentId: 'e9', box: { x: 1, y: 2, width: 3, height: 4 }, tag: 'a', name: 'Help', selector: '&&x', alternates: [], context: 'iframe',
      fingerprint: { tag: 'a', role: 'link', text: 'Help me', ancestors: [] },
    };
    const elements = [parent, child, orphan];
    const stored = storeElementMap(elements);
    expect(stored[1]!.selectors).toEqual(['&&0 > li', '&0 > li:nth-of-type(1)', '&1 > li']);
    expect(stored[1]!.fp).toMatchObject({ role: '', text: '', box: [40, 40, 200, 40] });
    const read = readElementMap(JSON.parse(JSON.stringify(stored)));
    expect(read.unresolved).toEqual([]);
    expect(read.elements).toEqual(elements);
  });

  it('reads a map whose references lead nowhere (a hand-edited file) with a repair notice naming the screen', () => {
    const text = v2Text;
    const loaded = load(text).project;
    const stored = storedProject(loaded);
    const entries = stored.screens[0]!.elements as unknown as Record<string, unknown>[];
    const referring = entries.find((entry) => (entry.selectors as string[])[0]!.startsWith('&'))!;
    delete referring.parentId;
    const result = load(stableStringify(stored));
    expect(result.repairs).toEqual([expect.stringMatching(/^\$\.screens\[0\]\.elements: 1 selector\(s\) refer to a parent element the map does not have/)]);
  });
});
