import { describe, expect, it } from 'vitest';
import { lintProject } from '../../shared/lint/lintProject';
import { demoProject } from '../fixtures/demoProject';

const tourOf = (project: ReturnType<typeof demoProject>) => {
  const tour = project.flows.find((flow) => flow.id === 'tour_dashboard');
  if (tour?.kind !== 'tour') throw new Error('fixture changed');
  return tour;
};

describe('lint: translation progress', () => {
  it('adding a language gives one progress line per flow, not one warning per empty text', () => {
    const project = demoProject();
    project.locales.available.push('fr');
    const problems = lintProject(project);
    const french = problems.filter((problem) => problem.code === 'untranslated' && problem.message.includes('French'));
    const flowsWithTexts = new Set(project.flows.map((flow) => flow.id));
    expect(french.map((problem) => problem.flowId).sort()).toEqual([...flowsWithTexts].sort());
    const tour = french.find((problem) => problem.flowId === 'tour_dashboard')!;
    // 3 steps: title, body and 2 button labels each.
    expect(tour.message).toBe('“Dashboard tour”: French 0 of 12 texts translated; the others show the English text.');
    expect(tour.severity).toBe('warning');
    expect(tour.details).toHaveLength(12);
    expect(tour.details![0]).toEqual({ message: '“Dashboard tour” step 1 title is not translated', itemId: 'step_new_invoice' });
    expect(problems.filter((problem) => problem.code === 'emptyText')).toEqual([]);
  });

  it('counts what is translated, and says nothing about a language that is complete', () => {
    const project = demoProject();
    const tour = tourOf(project);
    expect(lintProject(project).filter((problem) => problem.code === 'untranslated' && problem.flowId === tour.id)).toEqual([]);
    delete tour.tour.steps[1]!.body.he;
    const [hebrew, ...others] = lintProject(project).filter((problem) => problem.code === 'untranslated' && problem.flowId === tour.id);
    expect(others).toEqual([]);
    expect(hebrew!.message).toBe('“Dashboard tour”: Hebrew 11 of 12 texts translated; the others show the English text.');
    expect(hebrew!.details).toEqual([{ message: '“Dashboard tour” step 2 body is not translated', itemId: 'step_revenue' }]);
  });

  it('still calls a text empty in the default language an error', () => {
    const project = demoProject();
    tourOf(project).tour.steps[0]!.title = { he: 'כותרת' };
    const errors = lintProject(project).filter((problem) => problem.code === 'emptyText');
    expect(errors).toEqual([expect.objectContaining({ severity: 'error', message: '“Dashboard tour” step 1 title is empty in en, the default language.' })]);
  });
});
