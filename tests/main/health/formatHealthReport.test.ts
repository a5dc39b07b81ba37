import { describe, expect, it } from 'vitest';
import { formatHealthReport } from '../../../main/cli/checkCommand';
import type { AnchorResult, HealthPlan, HealthReport } from '../../../shared/health/flowHealth';
import { flowVerdicts } from '../../../shared/health/flowVerdicts';

const box = { x: 0, y: 0, width: 10, height: 10 };
const image = { file: `${'a'.repeat(64)}.png`, width: 100, height: 100 };
const step = (flowId: string, n: number, status: AnchorResult['status'], reason?: string): AnchorResult => ({ flowId, itemId: `${flowId}${n}`, screenId: 'dash', label: `${flowId === 'cards' ? 'Cards' : 'Sidebar'} › step ${n}`, status, ...(reason ? { reason } : {}) });
const anchors: AnchorResult[] = [
  step('sidebar', 1, 'ok'),
  ...[1, 2, 3].map((n) => step('sidebar', n + 1, 'moved', 'it moved 89 px down')),
  step('cards', 1, 'changed', 'found by what it looks like (99 % match); its selectors no longer find it'),
  step('cards', 2, 'moved', 'it moved 89 px down'),
];
const plan: HealthPlan = {
  screens: [{ screenId: 'dash', name: 'Dashboard', source: { kind: 'url', url: 'https://app.example.com/', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, fullPage: true }, image, anchors: anchors.map(({ flowId, itemId, label }) => ({ flowId, itemId, label, selectors: ['#x'], box })) }],
  unchecked: [],
  flows: [{ flowId: 'sidebar', name: 'Sidebar' }, { flowId: 'cards', name: 'Cards' }],
};
const report: HealthReport = {
  checkedAt: '2026-12-03T15:00:00.000Z',
  screens: [{ screenId: 'dash', name: 'Dashboard', url: 'https://app.example.com/', status: 'checked', notices: [], ms: 1_800 }],
  anchors,
  unchecked: [],
  flows: flowVerdicts(plan, anchors, [], new Set()),
  ms: 1_900,
};

describe('stepwise check as text', () => {
  it('puts the flows to fix first, says "needs attention" as the app and report do, and counts moved steps instead of listing them', () => {
    expect(formatHealthReport(report, plan).split('\n')).toEqual([
      'Screen "Dashboard" (https://app.example.com/): checked in 1.8 s, 6 anchors, 1 ok',
      '',
      'Flow "Cards": needs attention (1 moved, 1 changed)',
      '  changed   step 1: found by what it looks like (99 % match); its selectors no longer find it.',
      '  1 step moved (it still plays; --verbose lists them)',
      'Flow "Sidebar": ok (1 ok, 3 moved)',
      '  3 steps moved (they still play; --verbose lists them)',
      'Checked 1 screen of 1 in 1.9 s: 6 anchors (1 ok, 4 moved, 1 changed, 0 ambiguous, 0 missing).',
    ]);
    expect(formatHealthReport(report, plan, { verbose: true })).toContain('Flow "Sidebar": ok (1 ok, 3 moved)\n  moved     step 2: it moved 89 px down.\n  moved     step 3: it moved 89 px down.\n');
  });
});
