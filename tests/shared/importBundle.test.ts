import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildBundle, serializeBundle } from '../../shared/bundle/buildBundle';
import { importBundle } from '../../shared/bundle/importBundle';
import { validateBundle } from '../../shared/bundle/validateBundle';
import { createProject } from '../../shared/model/create';
import { loadProjectText } from '../../shared/project/loadProject';

const goldenBundle = readFileSync(fileURLToPath(new URL('../fixtures/golden/bundle.json', import.meta.url)), 'utf8');
const goldenProject = () => {
  const loaded = loadProjectText(readFileSync(fileURLToPath(new URL('../fixtures/golden/Golden.stepwise/project.json', import.meta.url)), 'utf8'), 'project.json');
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.project;
};

describe('importing a bundle', () => {
  it('round trip: export -> import into an empty project -> export gives the same bytes', () => {
    const validated = validateBundle(goldenBundle);
    if (!validated.ok) throw new Error('golden bundle invalid');
    const empty = { ...createProject(validated.bundle.project.name), id: validated.bundle.project.id };
    const { project, added, renamed } = importBundle(empty, validated.bundle);
    expect(added).toBe(4);
    expect(renamed).toEqual([]);
    expect(serializeBundle(buildBundle(project))).toBe(goldenBundle);
  });

  it('into a project that has the same flows: new ids, "(imported)" names, references follow', () => {
    const source = goldenProject();
    const validated = validateBundle(serializeBundle(buildBundle(source)));
    if (!validated.ok) throw new Error('invalid');
    const { project, added, renamed } = importBundle(source, validated.bundle);
    expect(added).toBe(4);
    expect(project.flows).toHaveLength(8);
    const ids = project.flows.map((flow) => flow.id);
    expect(new Set(ids).size).toBe(8);
    expect(renamed).toContain('“Dashboard tour” is now “Dashboard tour (imported)”');
    const importedChecklist = project.flows.find((flow) => flow.kind === 'checklist' && flow.name.endsWith('(imported)'));
    const importedTour = project.flows.find((flow) => flow.name === 'Dashboard tour (imported)')!;
    if (importedChecklist?.kind !== 'checklist') throw new Error('no checklist');
    const starts = importedChecklist.checklist.items.map((item) => (item.action.kind === 'startFlow' ? item.action.flowId : null)).filter(Boolean);
    expect(starts).toEqual([importedTour.id]);
    // The original is untouched.
    expect(source.flows).toHaveLength(4);
  });

  it('a failing import lists every problem and changes nothing', () => {
    const broken = JSON.parse(goldenBundle);
    broken.flows[0].tour.steps[0].placement = 'sideways';
    broken.theme.brandColor = 'blue';
    const result = validateBundle(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path).sort()).toEqual(['$.flows[0].tour.steps[0].placement', '$.theme.brandColor']);
  });
});
