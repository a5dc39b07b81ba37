import { describe, expect, it } from 'vitest';
import type { Fingerprint, FingerprintAncestor } from '../../shared/anchors/fingerprintTypes';
import { compareFingerprints, fingerprintAgreement, RECOVER_MARGIN, RECOVER_THRESHOLD, VERIFY_THRESHOLD } from '../../shared/anchors/compareFingerprints';
import { scoreCeiling } from '../../shared/anchors/scoreCeiling';

/** Fingerprints as capture records them on an SB Admin 2 style dashboard (see tests/fixtures/drift). */
const sidebar: FingerprintAncestor[] = [
  { tag: 'ul', attributes: { id: 'accordionSidebar' }, classes: ['navbar-nav', 'sidebar', 'sidebar-dark', 'accordion'] },
  { tag: 'div', attributes: { id: 'wrapper' } },
];
function sidebarLink(text: string, href: string, y: number): Fingerprint {
  return { tag: 'a', role: 'link', text, attributes: { href }, classes: ['nav-link'], ancestors: [{ tag: 'li', attributes: { text }, classes: ['nav-item'] }, ...sidebar], index: 1, box: { x: 0, y, width: 224, height: 56 } };
}
const table: FingerprintAncestor[] = [{ tag: 'tbody' }, { tag: 'table', attributes: { id: 'dataTable' }, classes: ['table'] }, { tag: 'div', classes: ['table-responsive'] }];
function editButton(row: string, y: number): Fingerprint {
  return { tag: 'button', role: 'button', text: 'Edit', attributes: { type: 'button' }, classes: ['btn', 'btn-link'], ancestors: [{ tag: 'td' }, { tag: 'tr', attributes: { text: row } }, ...table], index: 1, box: { x: 1200, y, width: 28, height: 21 } };
}
const kpi: FingerprintAncestor[] = [{ tag: 'div', classes: ['no-gutters'] }, { tag: 'div', classes: ['card-body'] }, { tag: 'div', classes: ['card'] }, { tag: 'div' }];
function kpiLabel(text: string, x: number): Fingerprint {
  return { tag: 'div', text, ancestors: [{ tag: 'div' }, ...kpi], index: 1, box: { x, y: 170, width: 210, height: 17 } };
}

const charts = sidebarLink('Charts', 'charts.html', 520);
const tables = sidebarLink('Tables', 'tables.html', 576);
const moved = (fingerprint: Fingerprint, dy: number): Fingerprint => ({ ...fingerprint, box: { ...fingerprint.box!, y: fingerprint.box!.y + dy } });
/** Never taken, not even as a clear best of a page search. */
const below = RECOVER_THRESHOLD - RECOVER_MARGIN;

describe('compareFingerprints on realistic pairs', () => {
  it('the same element scores 1', () => {
    expect(compareFingerprints(charts, charts)).toBeCloseTo(1, 5);
    expect(compareFingerprints(editButton('Tiger Nixon System Architect Edinburgh 6', 300), editButton('Tiger Nixon System Architect Edinburgh 6', 300))).toBeCloseTo(1, 5);
  });

  it('a removed link is not matched by its neighbour sliding into its place', () => {
    const neighbour = moved(tables, -56); // exactly where Charts was
    expect(compareFingerprints(charts, neighbour)).toBeLessThan(below);
    expect(fingerprintAgreement(charts, neighbour).contradicted).toBe(true);
  });

  it('reworded or translated link text with the same link target still matches', () => {
    expect(compareFingerprints(tables, sidebarLink('Data tables', 'tables.html', 576))).toBeGreaterThanOrEqual(VERIFY_THRESHOLD);
    expect(compareFingerprints(tables, sidebarLink('Tabellen', 'tables.html', 576))).toBeGreaterThanOrEqual(VERIFY_THRESHOLD);
  });

  it('a link whose text is hidden on a phone (icons only) still matches by its target', () => {
    const phone: Fingerprint = { ...tables, text: undefined, ancestors: [{ tag: 'li', classes: ['nav-item'] }, ...sidebar], box: { x: 0, y: 400, width: 104, height: 70 } };
    expect(compareFingerprints(tables, phone)).toBeGreaterThanOrEqual(VERIFY_THRESHOLD);
  });

  it("the Edit button of one table row is not the next row's", () => {
    const tiger = editButton('Tiger Nixon System Architect Edinburgh 6', 300);
    expect(compareFingerprints(tiger, editButton('Garrett Winters Accountant Tokyo 63 $170', 300))).toBeLessThan(below);
    // The same row after a new row above it and a pay rise: still that row.
    expect(compareFingerprints(tiger, editButton('Tiger Nixon System Architect Edinburgh 6', 341))).toBeGreaterThanOrEqual(RECOVER_THRESHOLD);
  });

  it('a KPI card label: not the neighbouring card, which shares a word', () => {
    expect(compareFingerprints(kpiLabel('Earnings (Monthly)', 240), kpiLabel('Earnings (Annual)', 480))).toBeLessThan(VERIFY_THRESHOLD);
    expect(compareFingerprints(kpiLabel('Pending Requests', 960), kpiLabel('Tasks', 960))).toBeLessThan(below);
  });

  it('figures that change between visits count for little, labels for much', () => {
    const card = (text: string): Fingerprint => ({ tag: 'div', text, classes: ['card'], ancestors: [{ tag: 'div' }], index: 1, box: { x: 240, y: 150, width: 270, height: 100 } });
    expect(compareFingerprints(card('Earnings (Monthly) $40,000'), card('Earnings (Monthly) $42,750'))).toBeGreaterThanOrEqual(RECOVER_THRESHOLD);
    expect(compareFingerprints(card('Earnings (Monthly) $40,000'), card('Pending Requests 40,000'))).toBeLessThan(below);
  });

  it('an element without text is no match for one that had text and nothing else to go by', () => {
    const label = kpiLabel('Earnings (Monthly)', 240);
    const bar: Fingerprint = { ...label, text: undefined };
    expect(compareFingerprints(label, bar)).toBeLessThan(below);
  });

  it('another test id or id rules a candidate out; another tag too', () => {
    const save: Fingerprint = { tag: 'button', text: 'Save', attributes: { 'data-testid': 'save' } };
    expect(compareFingerprints(save, { ...save, attributes: { 'data-testid': 'save-draft' } })).toBe(0);
    expect(compareFingerprints({ ...save, attributes: { id: 'add-employee' } }, { ...save, attributes: { id: 'add-customer' } })).toBe(0);
    expect(compareFingerprints(save, { ...save, tag: 'a' })).toBe(0);
  });

  it('a reworded placeholder is copy, not a different field', () => {
    const search: Fingerprint = { tag: 'input', role: 'textbox', attributes: { 'aria-label': 'Search', placeholder: 'Search for...', type: 'text' }, classes: ['form-control'], ancestors: [{ tag: 'div', classes: ['input-group'] }, { tag: 'form', attributes: { role: 'search' } }], index: 1 };
    expect(compareFingerprints(search, { ...search, attributes: { ...search.attributes, placeholder: 'Search orders, people, pages' } })).toBeGreaterThanOrEqual(VERIFY_THRESHOLD);
    expect(fingerprintAgreement(search, { ...search, attributes: { 'aria-label': 'Search', name: 'q', type: 'text' } }).contradicted).toBe(false);
  });
});

describe('scoreCeiling, the page search shortcut', () => {
  const pairs: [Fingerprint, Fingerprint, string][] = [
    [charts, moved(tables, -56), 'Tables'],
    [tables, sidebarLink('Data tables', 'tables.html', 576), 'Data tables'],
    [editButton('Tiger Nixon System Architect Edinburgh 6', 300), editButton('Garrett Winters Accountant Tokyo 63 $170', 300), 'Edit'],
    [kpiLabel('Earnings (Monthly)', 240), kpiLabel('Earnings (Annual)', 480), 'Earnings (Annual)'],
    [kpiLabel('Earnings (Monthly)', 240), { ...kpiLabel('', 240), text: undefined }, ''],
  ];
  it('is never below the real score, so skipping on it never loses the right element', () => {
    for (const [recorded, live, raw] of pairs) {
      const ceiling = scoreCeiling(recorded, (name) => live.attributes?.[name], raw.replace(/ /g, ''));
      expect(ceiling).toBeGreaterThanOrEqual(compareFingerprints(recorded, live));
    }
  });

  it("rules out a lookalike with another test id without describing it", () => {
    const recorded: Fingerprint = { tag: 'button', text: 'Action 120', attributes: { 'data-testid': 'row-120' } };
    expect(scoreCeiling(recorded, (name) => (name === 'data-testid' ? 'row-121' : undefined), 'Action 121')).toBe(0);
  });
});
