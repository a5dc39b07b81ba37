import { describe, expect, it } from 'vitest';
import { createFlow } from '../../shared/model/create';
import type { Project } from '../../shared/model/project';
import { describeDiskChanges, mergeReloaded, sameJson, type ReloadChoice } from '../../shared/project/mergeReloaded';
import { sampleProject } from '../fixtures/sampleProject';

/** A fresh copy, as the files read again give: equal content, no shared objects. */
const reread = (project: Project): Project => JSON.parse(JSON.stringify(project)) as Project;

function renameFlow(project: Project, index: number, name: string): Project {
  return { ...project, flows: project.flows.map((flow, at) => (at === index ? { ...flow, name } : flow)) };
}

const names = (project: Project | null) => project?.flows.map((flow) => flow.name);

describe('merging a project that changed on disk', () => {
  const saved = sampleProject(); // Welcome tour, New reports, Getting started, Quarterly NPS

  it('takes the disk as it is when nothing was edited here, and says what changed', () => {
    const added = createFlow('tour', 'Billing tour', 'en');
    const renamed = renameFlow(renameFlow(reread(saved), 0, 'Hello tour'), 1, 'Reports beacon');
    const disk = { ...renamed, flows: [...renamed.flows, added] };
    const merge = mergeReloaded(saved, saved, disk);
    expect(merge.mineChanged).toBe(false);
    expect(merge.conflicts).toEqual([]);
    expect(merge.project).toBe(disk);
    expect(describeDiskChanges(merge.diskChanges)).toBe('2 flows changed, 1 added');
  });

  it('keeps an edit of one flow and takes the disk change of another', () => {
    const mine = renameFlow(saved, 0, 'Welcome tour (mine)');
    const disk = renameFlow(reread(saved), 2, 'Getting started (theirs)');
    const merge = mergeReloaded(saved, mine, disk);
    expect(merge.conflicts).toEqual([]);
    expect(names(merge.project)).toEqual(['Welcome tour (mine)', 'New reports', 'Getting started (theirs)', 'Quarterly NPS']);
    // Untouched units stay the editor's own objects (the undo history and the canvas keep them).
    expect(merge.project!.flows[1]).toBe(mine.flows[1]);
  });

  it('asks about a flow changed on both sides, and follows the choice', () => {
    const mine = renameFlow(saved, 0, 'Mine');
    const disk = renameFlow(reread(saved), 0, 'Theirs');
    const merge = mergeReloaded(saved, mine, disk);
    expect(merge.project).toBeNull();
    expect(merge.conflicts).toEqual([{ key: `flow:${saved.flows[0]!.id}`, kind: 'flow', name: 'Mine', diskName: 'Theirs', mine: 'changed', disk: 'changed' }]);
    const choose = (choice: ReloadChoice) => names(mergeReloaded(saved, mine, disk, new Map([[merge.conflicts[0]!.key, choice]])).project)?.[0];
    expect(choose('mine')).toBe('Mine');
    expect(choose('disk')).toBe('Theirs');
  });

  it('does not ask when both sides made the same change', () => {
    const merge = mergeReloaded(saved, renameFlow(saved, 0, 'Same'), renameFlow(reread(saved), 0, 'Same'));
    expect(merge.conflicts).toEqual([]);
    expect(names(merge.project)?.[0]).toBe('Same');
  });

  it('asks about a flow removed on disk but edited here; a removal of an untouched flow just happens', () => {
    const mine = renameFlow(saved, 3, 'NPS (edited)');
    const disk = { ...reread(saved), flows: reread(saved).flows.filter((_, index) => index !== 3 && index !== 2) };
    const merge = mergeReloaded(saved, mine, disk);
    expect(merge.conflicts.map((conflict) => [conflict.name, conflict.mine, conflict.disk])).toEqual([['NPS (edited)', 'changed', 'removed']]);
    expect(names(mergeReloaded(saved, mine, disk, new Map([[merge.conflicts[0]!.key, 'mine']])).project)).toEqual(['Welcome tour', 'New reports', 'NPS (edited)']);
    expect(names(mergeReloaded(saved, mine, disk, new Map([[merge.conflicts[0]!.key, 'disk']])).project)).toEqual(['Welcome tour', 'New reports']);
  });

  it('keeps flows added on both sides, each after the flow it followed', () => {
    const mineFlow = createFlow('survey', 'Added here', 'en');
    const diskFlow = createFlow('hotspot', 'Added on disk', 'en');
    const mine = { ...saved, flows: [saved.flows[0]!, mineFlow, ...saved.flows.slice(1)] };
    const disk = { ...reread(saved), flows: [...reread(saved).flows, diskFlow] };
    const merge = mergeReloaded(saved, mine, disk);
    expect(merge.conflicts).toEqual([]);
    expect(names(merge.project)).toEqual(['Welcome tour', 'Added here', 'New reports', 'Getting started', 'Quarterly NPS', 'Added on disk']);
  });

  it("takes the disk's order when only the disk reordered, and asks when both reordered differently", () => {
    const [a, b, c, d] = saved.flows as [Project['flows'][number], Project['flows'][number], Project['flows'][number], Project['flows'][number]];
    const edited = { ...saved, flows: [{ ...a, name: 'Edited' }, b, c, d] };
    const diskOrder = { ...reread(saved), flows: [d, c, b, a].map((flow) => reread({ ...saved, flows: [flow] }).flows[0]!) };
    expect(names(mergeReloaded(saved, edited, diskOrder).project)).toEqual(['Quarterly NPS', 'Getting started', 'New reports', 'Edited']);

    const mineOrder = { ...saved, flows: [b, a, c, d] };
    const merge = mergeReloaded(saved, mineOrder, diskOrder);
    expect(merge.conflicts.map((conflict) => conflict.key)).toEqual(['flowOrder']);
    expect(names(mergeReloaded(saved, mineOrder, diskOrder, new Map([['flowOrder', 'mine']])).project)).toEqual(['New reports', 'Welcome tour', 'Getting started', 'Quarterly NPS']);
  });

  it('merges the project settings as one unit', () => {
    const mine = renameFlow(saved, 0, 'Mine');
    const disk = { ...reread(saved), name: 'Acme (renamed on disk)' };
    const merge = mergeReloaded(saved, mine, disk);
    expect(merge.project?.name).toBe('Acme (renamed on disk)');
    expect(describeDiskChanges(merge.diskChanges)).toBe('the project settings changed');
    const both = mergeReloaded(saved, { ...saved, name: 'Mine' }, disk);
    expect(both.conflicts.map((conflict) => conflict.name)).toEqual(['Project settings (name, theme, languages)']);
  });

  it('keeps a screen the disk removed while a flow kept here still points at it', () => {
    const mine = renameFlow(saved, 0, 'Welcome tour (mine)'); // its step is anchored on screen_home
    const disk = { ...reread(saved), screens: [], flows: reread(saved).flows.slice(0, 0) };
    const merge = mergeReloaded(saved, mine, disk, new Map([[`flow:${saved.flows[0]!.id}`, 'mine']]));
    expect(merge.keptScreens).toEqual(['Home']);
    expect(merge.project?.screens.map((screen) => screen.id)).toEqual(['screen_home']);
  });

  it('compares as JSON: a field set to undefined is no field', () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
  });

  describe('a unit changed on both sides merges field by field first, as git merges lines', () => {
    // A tour of three steps, beside the sample's flows.
    const threeSteps = (() => {
      const flow = createFlow('tour', 'Three steps', 'en');
      if (flow.kind !== 'tour') throw new Error('a tour');
      const first = flow.tour.steps[0]!;
      const steps = ['One', 'Two', 'Three'].map((title, index) => ({ ...first, id: `step_${index}`, title: { en: title } }));
      return { ...flow, id: 'tour_three', tour: { ...flow.tour, steps } };
    })();
    const saved = { ...sampleProject(), flows: [...sampleProject().flows, threeSteps] };
    const tour = () => saved.flows.find((flow) => flow.id === 'tour_three')!;
    function editStep(project: Project, stepIndex: number, title: string): Project {
      return {
        ...project,
        flows: project.flows.map((flow) =>
          flow.id === tour().id && flow.kind === 'tour'
            ? { ...flow, tour: { ...flow.tour, steps: flow.tour.steps.map((step, at) => (at === stepIndex ? { ...step, title: { ...step.title, en: title } } : step)) } }
            : flow,
        ),
      };
    }
    const titles = (project: Project | null) => {
      const flow = project?.flows.find((candidate) => candidate.id === tour().id);
      return flow?.kind === 'tour' ? flow.tour.steps.map((step) => step.title.en) : [];
    };

    it('edits of different steps of one tour both land, with no question', () => {
      const mine = editStep(saved, 0, 'First (mine)');
      const disk = editStep(reread(saved), 1, 'Second (theirs)');
      const merge = mergeReloaded(saved, mine, disk);
      expect(merge.conflicts).toEqual([]);
      expect(titles(merge.project).slice(0, 2)).toEqual(['First (mine)', 'Second (theirs)']);
    });

    it('a step added here and a rename on disk of the same tour both land', () => {
      const base = tour();
      if (base.kind !== 'tour') throw new Error('a tour');
      const extra = { ...base.tour.steps[0]!, id: 'step_added_here', title: { en: 'Added here' } };
      const mine = { ...saved, flows: saved.flows.map((flow) => (flow.id === base.id && flow.kind === 'tour' ? { ...flow, tour: { ...flow.tour, steps: [...flow.tour.steps, extra] } } : flow)) };
      const disk = { ...reread(saved), flows: reread(saved).flows.map((flow) => (flow.id === base.id ? { ...flow, name: 'Renamed on disk' } : flow)) };
      const merge = mergeReloaded(saved, mine, disk);
      expect(merge.conflicts).toEqual([]);
      const merged = merge.project!.flows.find((flow) => flow.id === base.id)!;
      expect(merged.name).toBe('Renamed on disk');
      expect(titles(merge.project).at(-1)).toBe('Added here');
    });

    it('the same step title changed on both sides is still a question, and different theme colours combine', () => {
      const conflict = mergeReloaded(saved, editStep(saved, 0, 'Mine'), editStep(reread(saved), 0, 'Theirs'));
      expect(conflict.conflicts.map((one) => one.key)).toEqual([`flow:${tour().id}`]);

      const mine = { ...saved, theme: { ...saved.theme, brandColor: '#b91c1c' } };
      const disk = { ...reread(saved), theme: { ...saved.theme, textColor: '#111111' } };
      const colours = mergeReloaded(saved, mine, disk);
      expect(colours.conflicts).toEqual([]);
      expect(colours.project!.theme).toMatchObject({ brandColor: '#b91c1c', textColor: '#111111' });
    });
  });
});
