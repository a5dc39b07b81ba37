import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playerCheckSource } from '../../scripts/writePlayerCheck';

describe("the player's bundle check", () => {
  it('is generated from the zod schemas and committed up to date (run `npm run schema` if this fails)', () => {
    expect(readFileSync(new URL('../../player/src/bundleRules.ts', import.meta.url), 'utf8')).toBe(playerCheckSource());
  }, 30_000);
});
