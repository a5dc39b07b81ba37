import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playerTypesSource } from '../../scripts/writePlayerTypes';

describe("the player's bundle types", () => {
  it('are generated from the zod schemas and committed up to date (run `npm run schema` if this fails)', () => {
    expect(readFileSync(new URL('../../player/src/bundleTypes.ts', import.meta.url), 'utf8')).toBe(playerTypesSource());
  }, 30_000);
});
