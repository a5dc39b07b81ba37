import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../shared/bundle/buildBundle';
import { PROJECT_VERSION } from '../../shared/model/project';
import { loadProjectText } from '../../shared/project/loadProject';
import { PROJECT_MIGRATIONS } from '../../shared/project/migrations';
import { storedProject } from '../../shared/project/storedElementMap';
import { stableStringify } from '../../shared/stableJson';

const FILE = '/projects/Old.stepwise/project.json';
/** A project saved by Stepwise before fingerprints (commit 995cada), byte for byte. */
const v1Text = readFileSync(new URL('../fixtures/formatV1/project.json', import.meta.url), 'utf8');
const toVersion2 = PROJECT_MIGRATIONS.find((migration) => migration.from === 1)!;

describe('project format 2 (fingerprints)', () => {
  it('follows version 1 (version 3 only changed how element maps are written, version 4 how a project is split into files)', () => {
    expect(PROJECT_VERSION).toBe(4);
    expect(toVersion2.to).toBe(2);
    expect(PROJECT_MIGRATIONS.map((migration) => `${migration.from}->${migration.to}`).slice(-3)).toEqual(['1->2', '2->3', '3->4']);
  });

  it('opens a version 1 file, upgraded, with its selectors, alternates and boxes as they were and no made-up fingerprint', () => {
    const result = loadProjectText(v1Text, FILE);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.migratedFrom).toBe(1);
    expect(result.repairs).toEqual([]);
    const project = result.project;
    expect(project.version).toBe(PROJECT_VERSION);
    const written = JSON.parse(v1Text) as { screens: { elements: unknown[] }[] };
    expect(project.screens[0]!.elements).toEqual(written.screens[0]!.elements);
    expect(project.screens[0]!.elements[1]!.alternates).toEqual(['#nav-reports', 'nav > a:nth-of-type(3)']);
    const [tour, hotspot] = project.flows;
    expect(tour?.kind === 'tour' && tour.tour.steps[0]!.anchor).toEqual({ screenId: 'screen_home', elementId: 'e1', selectors: ['[data-testid="new-invoice"]', '#new-invoice'], box: { x: 10, y: 20, width: 120, height: 32 } });
    expect(hotspot?.kind === 'hotspot' && hotspot.hotspot.anchor?.selectors).toEqual(['nav a[href="/reports"]', '#nav-reports', 'nav > a:nth-of-type(3)']);
    expect(JSON.stringify(project)).not.toContain('fingerprint');
  });

  it('saves as the current version with nothing else changed, and that file opens without an upgrade', () => {
    const loaded = loadProjectText(v1Text, FILE);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(stableStringify(loaded.project)).toBe(v1Text.replace('"version": 1,', `"version": ${PROJECT_VERSION},`));
    const saved = stableStringify(storedProject(loaded.project));
    const reopened = loadProjectText(saved, FILE);
    expect(reopened.ok && reopened.migratedFrom).toBeNull();
    expect(reopened.ok && reopened.project).toEqual(loaded.project);
  });

  it('exports a version 1 project as a version 2 bundle whose anchors have selectors only', () => {
    const loaded = loadProjectText(v1Text, FILE);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const bundle = buildBundle(loaded.project);
    expect(bundle.version).toBe(2);
    const hotspot = bundle.flows.find((flow) => flow.kind === 'hotspot');
    expect(hotspot?.kind === 'hotspot' && hotspot.hotspot.anchor).toEqual({ selectors: ['nav a[href="/reports"]', '#nav-reports', 'nav > a:nth-of-type(3)'] });
  });

  it('drops a "fingerprint" or "parentId" a version 1 file carries, which Stepwise never wrote there, instead of trusting it', () => {
    const document = JSON.parse(v1Text) as {
      screens: { elements: Record<string, unknown>[] }[];
      flows: { kind: string; tour?: { steps: { anchor: Record<string, unknown> }[] }; hotspot?: { anchor: Record<string, unknown> } }[];
    };
    document.screens[0]!.elements[0]!.fingerprint = { tag: 'div' };
    document.screens[0]!.elements[0]!.parentId = 'e2';
    document.flows[0]!.tour!.steps[0]!.anchor.fingerprint = 'not even an object';
    document.flows[1]!.hotspot!.anchor.fingerprint = { tag: 'a' };
    const result = loadProjectText(JSON.stringify(document), FILE);
    if (!result.ok) throw new Error(result.error.message);
    expect(JSON.stringify(result.project)).not.toMatch(/fingerprint|parentId/);
  });

  it('upgrades a version 1 file of any shape without throwing; what is wrong is reported with its path and line', () => {
    for (const odd of [{ screens: 'none' }, { screens: [null, { elements: [7, null] }] }, { flows: [{ kind: 'tour', tour: { steps: [null, { anchor: 5 }] } }] }, { flows: [{ kind: 'hotspot', hotspot: null }] }]) {
      expect(() => toVersion2.migrate({ format: 'stepwise.project', version: 1, ...odd })).not.toThrow();
    }
    const text = v1Text.replace(/"alternates": \[\s*"#new-invoice"\s*\]/, '"alternates": "#new-invoice"');
    expect(text).not.toBe(v1Text);
    const result = loadProjectText(text, FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = text.split('\n').findIndex((row) => row.includes('"alternates": "#new-invoice"')) + 1;
    expect(result.error.problems[0]).toMatchObject({ path: '$.screens[0].elements[0].alternates', line });
    expect(result.error.message).toContain(`${FILE} has a problem at $.screens[0].elements[0].alternates, line ${line}`);
  });
});
