import { describe, expect, it } from 'vitest';
import type { HealthPlan, HealthReport, PlannedAnchor } from '../../../../shared/health/flowHealth';
import { flowVerdicts } from '../../../../shared/health/flowVerdicts';
import { reportData } from '../../../../main/health/report/renderHealthReport';
import { anchorKey, type ReportThumbnails } from '../../../../main/health/report/reportThumbnails';

const box = { x: 10, y: 20, width: 100, height: 30 };
const source = { kind: 'url' as const, url: 'https://app.example.com/', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, fullPage: false };
const image = { file: `${'a'.repeat(64)}.png`, width: 1280, height: 800 };
const anchor = (flowId: string, itemId: string, step: number): PlannedAnchor => ({ flowId, itemId, label: `${flowId} › step ${step}`, selectors: [`#${itemId}`], box });

const plan: HealthPlan = {
  screens: [
    // Steps 10 and 2 on purpose out of order: the report lists them as the author numbered them.
    { screenId: 'home', name: 'Home', source, image, anchors: [anchor('tour', 's10', 10), anchor('tour', 's2', 2), anchor('fine', 'f1', 1)] },
    { screenId: 'gone', name: 'Gone', source, image, anchors: [anchor('tour', 's3', 3)] },
  ],
  unchecked: [{ flowId: 'tour', itemId: 's1', label: 'tour › step 1', reason: 'it is not placed on a screen' }],
  flows: [
    { flowId: 'fine', name: 'Fine' },
    { flowId: 'tour', name: 'Tour' },
  ],
};

function checked(): HealthReport {
  const anchors: HealthReport['anchors'] = [
    { flowId: 'tour', itemId: 's10', screenId: 'home', label: 'tour › step 10', status: 'missing', reason: 'nothing fits' },
    { flowId: 'tour', itemId: 's2', screenId: 'home', label: 'tour › step 2', status: 'changed', foundBy: 'fingerprint', score: 0.8, box, suggestion: { selectors: ['#new'] } },
    { flowId: 'fine', itemId: 'f1', screenId: 'home', label: 'fine › step 1', status: 'moved', foundBy: 'selector', box, suggestion: { selectors: ['#f1'] } },
  ];
  return {
    checkedAt: '2026-12-03T14:00:00.000Z',
    screens: [
      { screenId: 'home', name: 'Home', url: 'https://app.example.com/', status: 'checked', notices: [], ms: 100 },
      { screenId: 'gone', name: 'Gone', url: 'https://app.example.com/gone', status: 'failed', error: 'HTTP 404 at https://app.example.com/gone', notices: [], ms: 50 },
    ],
    anchors,
    unchecked: plan.unchecked,
    flows: flowVerdicts(plan, anchors, plan.unchecked, new Set(['gone'])),
    ms: 150,
  };
}

const noThumbnails: ReportThumbnails = { anchors: new Map(), screens: new Map(), notes: [] };

describe('the health report data', () => {
  it('lists broken flows first, their steps in the authored order, and says why a step was not checked', () => {
    const data = reportData({ plan, report: checked(), projectName: 'Acme' }, noThumbnails);
    expect(data.title).toBe('Acme — flow health');
    expect(data.flows.map((flow) => [flow.name, flow.verdict])).toEqual([
      ['Tour', 'broken'],
      ['Fine', 'ok'],
    ]);
    expect(data.flows[0]!.steps.map((step) => [step.label, step.status])).toEqual([
      ['tour › step 1', 'unchecked'],
      ['tour › step 2', 'changed'],
      ['tour › step 3', 'unchecked'],
      ['tour › step 10', 'missing'],
    ]);
    expect(data.flows[0]!.steps[2]!.reason).toBe('its screen could not be checked: HTTP 404 at https://app.example.com/gone');
    expect(data.flows[0]!.steps[0]!.reason).toBe('it is not placed on a screen');
  });

  it('suggests selectors only for a step that needs re-anchoring, next to the ones it has now', () => {
    const data = reportData({ plan, report: checked() }, noThumbnails);
    const changed = data.flows[0]!.steps.find((step) => step.status === 'changed')!;
    expect(changed).toMatchObject({ suggestion: ['#new'], selectors: ['#s2'], foundBy: 'fingerprint', score: 0.8 });
    expect(data.flows[1]!.steps[0]!.suggestion).toBeUndefined();
  });

  it('marks the fresh crop of a missing step as "Not found" and counts problems per screen', () => {
    const thumbnail = { src: 'data:image/jpeg;base64,AAAA', width: 240, height: 150 };
    const thumbnails: ReportThumbnails = {
      anchors: new Map([[anchorKey('home', 'tour', 's10'), { captured: thumbnail, fresh: thumbnail, freshNotFound: true }]]),
      screens: new Map([['home', { captured: thumbnail, fresh: thumbnail }]]),
      notes: [],
    };
    const data = reportData({ plan, report: checked() }, thumbnails);
    expect(data.flows[0]!.steps.find((step) => step.status === 'missing')).toMatchObject({ freshNote: 'Not found', captured: thumbnail, fresh: thumbnail });
    expect(data.screens.map((screen) => [screen.name, screen.status, screen.anchors, screen.problems])).toEqual([
      ['Home', 'checked', 3, 2],
      ['Gone', 'failed', 1, 0],
    ]);
    expect(data.screens[0]!.fresh).toEqual(thumbnail);
  });
});
