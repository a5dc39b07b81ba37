import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/runCli';
import { createDispatcher } from '../../main/services/apiDispatcher';
import { createProjectStore } from '../../main/services/projectStore';
import type { FlowOf } from '../../shared/model/flow';
import { encodePng } from '../fixtures/encodePng';
import { resourceCenterProject } from '../fixtures/resourceCenterProject';
import { webHandlersInTempDir } from './testHandlers';

const png = encodePng(40, 30, (x, y) => [x * 6, y * 8, 120]);
const file = `${createHash('sha256').update(png).digest('hex')}.png`;

/** The resource center fixture whose article image is a real file of the project (written unless `withFile` is false). */
async function helpProjectOnDisk(projectsDir: string, withFile = true): Promise<string> {
  const project = resourceCenterProject();
  const center = project.flows.find((flow) => flow.kind === 'resourceCenter') as FlowOf<'resourceCenter'>;
  center.resourceCenter.images[0]!.file = file;
  center.resourceCenter.images[0]!.bytes = png.byteLength;
  const { path } = await createProjectStore({ projectsDir }).create(project.name, project);
  if (withFile) writeFileSync(join(path, 'images', file), png);
  return path;
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('exporting a resource center with an article image', () => {
  it('stepwise export inlines the image from the project folder as a data URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-rc-'));
    const path = await helpProjectOnDisk(dir);
    const out = join(dir, 'bundle.json');
    const result = await run('export', path, '--out', out);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { flows: { id: string; resourceCenter?: { images: { id: string; src: string }[] } }[] };
    const images = bundle.flows.find((flow) => flow.id === 'help_center')!.resourceCenter!.images;
    expect(images).toEqual([expect.objectContaining({ id: 'img_settings', src: `data:image/png;base64,${png.toString('base64')}` })]);
    // The same from the single project.json inside the folder.
    expect((await run('export', join(path, 'project.json'), '--out', out)).code).toBe(0);
  });

  it('stepwise export of a project whose image file is missing says which file and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-rc-'));
    const path = await helpProjectOnDisk(dir, false);
    const out = join(dir, 'bundle.json');
    const result = await run('export', path, '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`Not exported: “Help center”: the article image images/${file} could not be read from the project folder; add the image again or remove it.`);
    expect(() => readFileSync(out)).toThrow();
  });

  it('the standalone preview carries the image, and names a missing one instead of failing inside the host', async () => {
    const { projectsDir, handlers } = await webHandlersInTempDir();
    const dispatch = createDispatcher(handlers);
    const path = await helpProjectOnDisk(projectsDir);
    const { project } = await handlers['project.open']({ path });
    const preview = await dispatch('project.standalonePreview', { path, project });
    expect(preview.ok && (preview.value as { html: string }).html).toContain(png.toString('base64'));

    const missing = await helpProjectOnDisk(join(projectsDir, 'other'), false);
    const refused = await dispatch('project.standalonePreview', { path: missing, project });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining(`the article image images/${file} could not be read`) } });
  });
});
