import { describe, expect, it } from 'vitest';
import { createFlow, createProject } from '../../shared/model/create';
import { FLOW_KINDS } from '../../shared/model/flow';
import { PROJECT_VERSION, projectSchema } from '../../shared/model/project';
import { loadProjectText } from '../../shared/project/loadProject';
import { stableStringify } from '../../shared/stableJson';
import { problemsFromZod } from '../../shared/validation/problems';
import { sampleProject } from '../fixtures/sampleProject';

function problemsOf(input: unknown) {
  const result = projectSchema.safeParse(input);
  expect(result.success).toBe(false);
  return problemsFromZod(result.error!, input);
}

describe('project model', () => {
  it('round-trips a project with every flow kind through its file form unchanged', () => {
    const project = sampleProject();
    const text = stableStringify(project);
    const loaded = loadProjectText(text, 'project.json');
    expect(loaded.ok && loaded.project).toEqual(project);
    expect(loaded.ok && stableStringify(loaded.project)).toBe(text);
  });

  it('creates every flow kind with content that passes the schema', () => {
    for (const kind of FLOW_KINDS) {
      const flow = createFlow(kind, `A ${kind}`, 'he');
      expect(flow.kind).toBe(kind);
      expect(() => projectSchema.parse({ ...createProject('P'), flows: [flow], locales: { defaultLocale: 'he', available: ['he'] } })).not.toThrow();
    }
  });

  it('fills defaults for fields a file leaves out', () => {
    const project = projectSchema.parse({ format: 'stepwise.project', version: PROJECT_VERSION, id: 'p1', name: 'Minimal', flows: [{ id: 'f1', kind: 'tour', name: 'T' }] });
    expect(project.theme.brandColor).toMatch(/^#/);
    expect(project.locales).toEqual({ defaultLocale: 'en', available: ['en'] });
    expect(project.flows[0]).toMatchObject({ trigger: { kind: 'pageLoad' }, frequency: 'once', status: 'draft', tour: { steps: [] } });
  });

  it('names a missing field and a field of the wrong type with their paths', () => {
    const problems = problemsOf({ format: 'stepwise.project', version: PROJECT_VERSION, name: 'P', flows: [{ id: 'f1', kind: 'tour', name: 42 }] });
    expect(problems).toContainEqual({ path: '$.id', message: 'is missing (it should be a text)' });
    expect(problems).toContainEqual({ path: '$.flows[0].name', message: 'should be a text, but is number 42' });
  });

  it('names an unknown flow kind and lists the kinds there are', () => {
    const problems = problemsOf({ ...createProject('P'), flows: [{ id: 'f1', kind: 'popup', name: 'X' }] });
    expect(problems).toEqual([{ path: '$.flows[0].kind', message: 'is the text "popup", which is not one of "tour", "hotspot", "checklist", "survey", "resourceCenter"' }]);
  });

  it('names a value outside a list of choices', () => {
    const project = createProject('P');
    const flow = { ...createFlow('tour', 'T', 'en'), frequency: 'always' };
    expect(problemsOf({ ...project, flows: [flow] })).toEqual([
      { path: '$.flows[0].frequency', message: 'should be one of "once", "everySession", "untilCompleted", but is the text "always"' },
    ]);
  });

  it('refuses an invalid regular expression in a URL rule, a bad colour and a non-BCP-47 locale', () => {
    const flow = createFlow('survey', 'S', 'en');
    flow.targeting.urls = [{ match: 'regex', value: '/app/(unclosed', exclude: false }];
    const problems = problemsOf({ ...createProject('P'), flows: [flow], theme: { brandColor: 'blue' }, locales: { defaultLocale: 'en', available: ['en', 'english'] } });
    // In the order of the file's lines.
    expect(problems.map((p) => p.path)).toEqual(['$.flows[0].targeting.urls[0].value', '$.locales.available[1]', '$.theme.brandColor']);
    expect(problems[0]!.message).toMatch(/^is not a valid regular expression/);
    expect(problems[1]!.message).toMatch(/BCP-47/);
    expect(problems[2]!.message).toBe('must be a colour like #1a73e8');
  });

  it('refuses an anchor that points at a screen the project does not have', () => {
    const project = sampleProject();
    project.screens = [];
    const paths = problemsOf(project).map((p) => p.path);
    expect(paths).toEqual(['$.flows[0].tour.steps[0].anchor.screenId', '$.flows[1].hotspot.anchor.screenId']);
  });

  it('refuses link buttons and images that are not http(s) or mailto, so no javascript: URL is ever stored', () => {
    const flow = createFlow('tour', 'T', 'en');
    flow.tour.steps[0]!.buttons = [{ action: 'link', label: { en: 'Go' }, url: 'javascript:alert(1)' }];
    flow.tour.steps[0]!.imageUrl = 'data:text/html,<script>';
    const problems = problemsOf({ ...createProject('P'), flows: [flow] });
    expect(problems.map((p) => p.path)).toEqual(['$.flows[0].tour.steps[0].buttons[0].url', '$.flows[0].tour.steps[0].imageUrl']);
  });
});
