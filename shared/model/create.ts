import type { Flow, FlowKind, FlowOf, TourStep } from './flow';
import { flowSchema, tourStepSchema } from './flow';
import { newId } from './ids';
import type { Project } from './project';
import { PROJECT_FORMAT, PROJECT_VERSION, projectSchema } from './project';
import type { ChecklistItem } from './checklist';
import { checklistItemSchema } from './checklist';

const KIND_LABELS: Record<FlowKind, string> = {
  tour: 'Product tour',
  hotspot: 'Hotspot',
  checklist: 'Checklist',
  survey: 'NPS survey',
  resourceCenter: 'Resource center',
};

export function flowKindLabel(kind: FlowKind): string {
  return KIND_LABELS[kind];
}

export function createProject(name: string): Project {
  return projectSchema.parse({ format: PROJECT_FORMAT, version: PROJECT_VERSION, id: newId(), name });
}

/** A new flow of a kind with starter content in the default locale, so it plays right away. */
export function createFlow<K extends FlowKind>(kind: K, name: string, locale: string): FlowOf<K> {
  const t = (value: string) => ({ [locale]: value });
  const bodies: Record<FlowKind, object> = {
    tour: { tour: { steps: [createTourStep(locale)] } },
    // Empty, as a new tour step's body: the inspector shows what to write as placeholders.
    hotspot: { hotspot: { title: t(''), body: t('') } },
    checklist: {
      checklist: {
        title: t('Get started'),
        launcher: { label: t('Get started') },
        items: [createChecklistItem(locale)],
        completionMessage: t('All done. Nice work!'),
      },
    },
    survey: {
      survey: {
        question: t('How likely are you to recommend us to a friend or colleague?'),
        lowLabel: t('Not likely'),
        highLabel: t('Very likely'),
        followUps: {
          detractor: t('What could we do better?'),
          passive: t('What would make us a 10?'),
          promoter: t('What do you like most?'),
        },
        thankYou: t('Thank you for your feedback!'),
      },
    },
    resourceCenter: { resourceCenter: createResourceCenterBody(locale) },
  };
  return flowSchema.parse({ id: newId(), kind, name, ...bodies[kind] }) as FlowOf<K>;
}

export function createTourStep(locale: string): TourStep {
  return tourStepSchema.parse({
    id: newId(),
    type: 'modal',
    title: { [locale]: 'Welcome' },
    body: { [locale]: 'Let us show you around.' },
    buttons: [{ action: 'next', label: { [locale]: 'Next' } }],
  });
}

/**
 * Starter content: the panel's own texts in the default locale, a search, one article and a
 * contact section (lint requires one: self-service never hides the way to a person).
 */
function createResourceCenterBody(locale: string): object {
  const t = (value: string) => ({ [locale]: value });
  return {
    launcher: { label: t('Help') },
    labels: {
      title: t('Help'),
      searchPlaceholder: t('Search help'),
      noResults: t('Nothing found. Ask us instead:'),
      helpful: t('Was this helpful?'),
      yes: t('Yes'),
      no: t('No'),
      commentPrompt: t('What were you looking for? (optional)'),
      send: t('Send'),
      thanks: t('Thanks for telling us.'),
      back: t('Back'),
      contact: t('Contact us'),
      related: t('Related articles'),
      results: t('{count} results'),
      oneResult: t('1 result'),
      done: t('Done'),
      close: t('Close'),
    },
    sections: [
      { id: newId(), kind: 'search', title: t('Search') },
      { id: newId(), kind: 'articles', title: t('Help articles'), articles: [{ id: newId(), title: t('Getting started'), body: t('Write your first help article here.') }] },
      // No opening hours: made-up ones would ship unnoticed (the field shows an example instead).
      { id: newId(), kind: 'contact', title: t('Contact us') },
    ],
  };
}

export function createChecklistItem(locale: string): ChecklistItem {
  return checklistItemSchema.parse({ id: newId(), label: { [locale]: 'First task' } });
}

export type { Flow };
