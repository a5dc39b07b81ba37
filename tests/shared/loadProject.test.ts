import { createProject } from '../../shared/model/create';
import { describe, expect, it } from 'vitest';
import { PROJECT_VERSION } from '../../shared/model/project';
import { loadProjectText } from '../../shared/project/loadProject';
import { PROJECT_MIGRATIONS, migrateProjectDocument } from '../../shared/project/migrations';
import { stableStringify } from '../../shared/stableJson';
import { sampleProject } from '../fixtures/sampleProject';

const FILE = '/projects/Acme.stepwise/project.json';

function expectError(text: string) {
  const result = loadProjectText(text, FILE);
  if (result.ok) throw new Error('expected the load to fail');
  return result.error;
}

describe('loading a project file', () => {
  it('says where a damaged file breaks, by line and column, and names the file', () => {
    const lines = stableStringify(sampleProject()).split('\n');
    const broken = lines.findIndex((line, index) => index > 10 && line.endsWith(','));
    lines[broken] = lines[broken]!.slice(0, -1); // drop a comma in the middle of the file
    const error = expectError(lines.join('\n'));
    expect(error.kind).toBe('damaged');
    expect(error.message).toContain(FILE);
    // The parser notices on the next line, where the next field starts.
    expect(error.message).toMatch(new RegExp(`a missing "," at line ${broken + 2}, column \\d+`));
    expect(error.problems[0]!.line).toBe(broken + 2);
  });

  it('says a truncated file is damaged', () => {
    const text = stableStringify(sampleProject());
    expect(expectError(text.slice(0, text.length / 2)).kind).toBe('damaged');
  });

  it('refuses a JSON file that is not a Stepwise project', () => {
    const error = expectError('{"name": "package", "version": "1.0.0"}');
    expect(error.kind).toBe('notStepwiseFile');
    expect(error.message).toBe(`${FILE} is not a Stepwise project: its "format" field should be "stepwise.project".`);
  });

  it('refuses a file from a newer Stepwise and says to update', () => {
    const error = expectError(JSON.stringify({ ...sampleProject(), version: PROJECT_VERSION + 1 }));
    expect(error.kind).toBe('versionTooNew');
    expect(error.message).toContain(`project format ${PROJECT_VERSION + 1}; this version reads up to ${PROJECT_VERSION}`);
    expect(error.message).toContain('Update Stepwise');
  });

  it('names the JSON path and the line of an invalid field', () => {
    const project = sampleProject();
    const text = stableStringify(project).replace('"frequency": "once"', '"frequency": "sometimes"');
    const error = expectError(text);
    expect(error.kind).toBe('invalid');
    const line = text.split('\n').findIndex((l) => l.includes('"sometimes"')) + 1;
    expect(error.problems[0]).toEqual({ path: '$.flows[0].frequency', message: expect.stringContaining('should be one of') as string, line });
    expect(error.message).toContain(`${FILE} has a problem at $.flows[0].frequency, line ${line}`);
  });

  it('gives repeated ids fresh ones and reports the repair', () => {
    const project = sampleProject();
    project.flows[1]!.id = project.flows[0]!.id;
    const result = loadProjectText(JSON.stringify(project), FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(new Set(result.project.flows.map((f) => f.id)).size).toBe(4);
    expect(result.repairs).toEqual([expect.stringContaining('$.flows[1].id repeated the id')]);
  });

  it('gives a repeated id the same fresh id on every load (from the id and its place), one no other record has', () => {
    const project = sampleProject();
    project.flows[1]!.id = project.flows[0]!.id;
    project.flows[3]!.id = project.flows[0]!.id;
    const text = JSON.stringify(project);
    const idsOf = (result: ReturnType<typeof loadProjectText>) => (result.ok ? result.project.flows.map((flow) => flow.id) : []);
    const first = idsOf(loadProjectText(text, FILE));
    expect(idsOf(loadProjectText(text, FILE))).toEqual(first);
    // Another path to the same file (a clone elsewhere) gives the same ids too.
    expect(idsOf(loadProjectText(text, '/elsewhere/project.json'))).toEqual(first);
    expect(new Set(first).size).toBe(4);
    expect(first[1]).not.toBe(first[3]);
  });

  it('opens a project whose font an earlier version accepted but is not safe CSS, with the default font and a notice', () => {
    for (const font of ['', 'Inter; background: url(https://evil.example/x)']) {
      const project = sampleProject() as unknown as { theme: Record<string, unknown> };
      project.theme.fontFamily = font;
      const result = loadProjectText(JSON.stringify(project), FILE);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.project.theme.fontFamily).toBe(createProject('x').theme.fontFamily);
      expect(result.repairs).toEqual([expect.stringContaining('$.theme.fontFamily was')]);
    }
  });

  it('keeps top-level fields this version does not know', () => {
    const result = loadProjectText(JSON.stringify({ ...sampleProject(), reviewNotes: 'from a newer build' }), FILE);
    expect(result.ok && (result.project as Record<string, unknown>).reviewNotes).toBe('from a newer build');
  });
});

describe('project migrations', () => {
  it('form a gap-free chain that ends at the current version', () => {
    PROJECT_MIGRATIONS.forEach((migration, index) => {
      expect(migration.to).toBe(migration.from + 1);
      if (index > 0) expect(migration.from).toBe(PROJECT_MIGRATIONS[index - 1]!.to);
    });
    expect(PROJECT_MIGRATIONS.at(-1)!.to).toBe(PROJECT_VERSION);
    expect(PROJECT_MIGRATIONS[0]!.from).toBe(0);
  });

  it('0 -> 1: an unversioned file with a single "locale" gets the locales record', () => {
    const migrated = PROJECT_MIGRATIONS[0]!.migrate({ format: 'stepwise.project', id: 'p', name: 'Old', locale: 'de' });
    expect(migrated).toEqual({ format: 'stepwise.project', id: 'p', name: 'Old', version: 1, locales: { defaultLocale: 'de', available: ['de'] } });
  });

  it('runs every migration on the oldest file and then loads it', () => {
    const oldest = { format: 'stepwise.project', id: 'p', name: 'Old', locale: 'fr', flows: [{ id: 'f', kind: 'survey', name: 'NPS' }] };
    expect(migrateProjectDocument(oldest, 0).applied).toEqual(PROJECT_MIGRATIONS);
    const result = loadProjectText(JSON.stringify(oldest), FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(0);
    expect(result.project.version).toBe(PROJECT_VERSION);
    expect(result.project.locales.defaultLocale).toBe('fr');
  });
});
