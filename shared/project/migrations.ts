import { PROJECT_VERSION } from '../model/project';
import { isRecord } from '../isRecord';

export type ProjectDocument = Record<string, unknown>;

const records = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** Removes `keys` from an object of the document, whatever shape the rest of it has. */
function drop(target: unknown, keys: readonly string[]): void {
  if (isRecord(target)) for (const key of keys) delete target[key];
}

/** One step of the project file's history: turns a document of version `from` into `to`. */
export interface Migration {
  from: number;
  to: number;
  description: string;
  migrate(document: ProjectDocument): ProjectDocument;
}

/**
 * Ordered and gap-free (a test checks it): a file of version N runs every step from N up to
 * PROJECT_VERSION. Never edit a released step; add a new one and bump PROJECT_VERSION.
 */
export const PROJECT_MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    to: 1,
    description: 'Files written before the format carried a version: a single "locale" becomes the "locales" record.',
    migrate(document) {
      const { locale, ...rest } = document;
      const defaultLocale = typeof locale === 'string' && locale ? locale : 'en';
      return {
        ...rest,
        version: 1,
        locales: rest.locales ?? { defaultLocale, available: [defaultLocale] },
      };
    },
  },
  {
    from: 1,
    to: 2,
    description:
      'Anchors and mapped elements may carry a fingerprint (and mapped elements their parent). Version 1 files have none, and none is made up: ' +
      'a fingerprint is read from the live page when a screen is captured, and the tag, role and name a version 1 map kept cannot tell the ' +
      'right element from a lookalike. Selectors, alternates and boxes stay exactly as they were, so those anchors play on their selectors ' +
      'as before until the screen is captured again and the element picked again. A "fingerprint" or "parentId" field in a version 1 ' +
      'file was never written by Stepwise (version 1 ignored it), so it is dropped rather than trusted.',
    migrate(document) {
      const next: ProjectDocument = { ...document, version: 2 };
      for (const screen of records(next.screens)) for (const element of records(screen.elements)) drop(element, ['fingerprint', 'parentId']);
      for (const flow of records(next.flows)) {
        if (flow.kind === 'tour' && isRecord(flow.tour)) for (const step of records(flow.tour.steps)) drop(step.anchor, ['fingerprint']);
        if (flow.kind === 'hotspot' && isRecord(flow.hotspot)) drop(flow.hotspot.anchor, ['fingerprint']);
      }
      return next;
    },
  },
  {
    from: 2,
    to: 3,
    description:
      'Element maps are written compactly (boxes as arrays, selectors and fingerprints saying only what the entry and its parent ' +
      'do not already say; shared/project/storedElementMap.ts), so a 5,000-element screen fits its 1 MB budget. A version 2 map ' +
      'is written plainly, and plain entries are still read as they are: nothing changes but the version, and the next save writes ' +
      'the compact form.',
    migrate(document) {
      return { ...document, version: 3 };
    },
  },
  {
    from: 3,
    to: 4,
    description:
      'A project is written as a folder of small files (project.json for the settings, flows/<id>.json and screens/<id>.json, ' +
      'each flow and screen with a fractional "order" key; shared/project/projectFolder.ts), so two people adding or changing ' +
      'different flows merge in git without a conflict. The document itself does not change: only the version, and the next save ' +
      'writes the folder, keeping the single file as project-format-3.json.bak.',
    migrate(document) {
      return { ...document, version: 4 };
    },
  },
];

export interface MigrationResult {
  document: ProjectDocument;
  applied: Migration[];
}

/** Runs the migrations from `fromVersion` up to the current version, in order. Steps may change nested records in place, so pass a copy (the loader does). */
export function migrateProjectDocument(document: ProjectDocument, fromVersion: number): MigrationResult {
  let current = document;
  const applied: Migration[] = [];
  for (const migration of PROJECT_MIGRATIONS) {
    if (migration.from < fromVersion) continue;
    current = migration.migrate(current);
    applied.push(migration);
  }
  if (applied.length > 0 && applied[applied.length - 1]!.to !== PROJECT_VERSION) {
    throw new Error(`the migrations stop at version ${applied[applied.length - 1]!.to}, not ${PROJECT_VERSION}`);
  }
  return { document: current, applied };
}
