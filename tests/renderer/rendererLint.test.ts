import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

/** The rules lint reports for `code` as if it were the renderer file `path`. */
async function rulesBroken(code: string, path: string): Promise<Array<string | null>> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages.map((message) => message.ruleId);
}

describe("the renderer's lint", () => {
  it('refuses relative imports of player/ and accepts the package names', async () => {
    expect(await rulesBroken("import { place } from '../../../player/src/position';\nexport { place };\n", 'renderer/src/canvas/probe.ts')).toEqual(['no-restricted-imports']);
    expect(await rulesBroken("import { place } from '@stepwise/player/editor';\nimport { createPlayer } from '@stepwise/player';\nexport { place, createPlayer };\n", 'renderer/src/canvas/probe.ts')).toEqual([]);
  });

  it('checks the rules of hooks and effect dependencies', async () => {
    const conditionalHook = "import { useState } from 'react';\nexport function Probe({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n";
    expect(await rulesBroken(conditionalHook, 'renderer/src/ui/Probe.tsx')).toContain('react-hooks/rules-of-hooks');
    const staleEffect = "import { useEffect } from 'react';\nexport function Probe({ id }: { id: string }) {\n  useEffect(() => console.log(id), []);\n  return null;\n}\n";
    expect(await rulesBroken(staleEffect, 'renderer/src/ui/Probe.tsx')).toContain('react-hooks/exhaustive-deps');
  });
});
