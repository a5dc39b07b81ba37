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

export function createChecklistItem(locale: string): ChecklistItem {
  return checklistItemSchema.parse({ id: newId(), label: { [locale]: 'First task' } });
}

export type { Flow };
