import Ajv from 'ajv';
import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

describe('electron-builder.yml', () => {
  const config = load(readFileSync(root('electron-builder.yml'), 'utf8')) as Record<string, unknown>;

  it("matches electron-builder's own schema", () => {
    const schema = JSON.parse(readFileSync(root('node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(schema, config);
    expect(ajv.errors ?? [], JSON.stringify(ajv.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('packages for Linux, macOS and Windows with an icon and the project file association', () => {
    expect(config).toMatchObject({
      appId: 'dev.stepwise.builder',
      productName: 'Stepwise',
      linux: { target: ['AppImage', 'deb'] },
      mac: { target: 'dmg' },
      win: { target: 'nsis' },
      fileAssociations: [{ ext: 'stepwise' }],
    });
    expect(existsSync(root(config.icon as string))).toBe(true);
  });
});
