import { PROJECT_VERSION } from '../model/project';

export type ProjectDocument = Record<string, unknown>;

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
];

export interface MigrationResult {
  document: ProjectDocument;
  applied: Migration[];
}

/** Runs the migrations from `fromVersion` up to the current version, in order. */
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
