import { describe, expect, it } from 'vitest';
import { createFlow, createProject } from '../../shared/model/create';
import { sortableName } from '../../renderer/src/outline/dragAnnouncements';

describe('what screen readers hear when a row is dragged', () => {
  it('names flows, steps and items by what the author wrote, never by id', () => {
    const project = createProject('Acme');
    const tour = createFlow('tour', 'Dashboard tour', 'en');
    tour.tour.steps[0]!.title = { en: 'About Invoices' };
    const checklist = createFlow('checklist', 'Getting started', 'en');
    project.flows.push(tour, checklist);
    expect(sortableName(project, tour.id)).toBe('flow “Dashboard tour”');
    expect(sortableName(project, tour.tour.steps[0]!.id)).toBe('step 1: About Invoices');
    expect(sortableName(project, checklist.checklist.items[0]!.id)).toBe('item 1: First task');
    expect(sortableName(project, 'Vlwk_8w9uaRh')).toBe('item');
  });
});
