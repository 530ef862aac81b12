import { it, type TestContext } from 'vitest';

export type Step = (name: string, fn: (ctx: TestContext) => Promise<void> | void, timeoutMs?: number) => void;

/**
 * The steps of one flow, each its own test so the report says which step broke. Once a step fails
 * the later ones skip and name it: they stand on its result and would only fail slowly after it.
 */
export function flowSteps(): Step {
  let failed: string | null = null;
  return (name, fn, timeoutMs) =>
    it(
      name,
      async (ctx) => {
        if (failed) ctx.skip(`skipped: the step "${failed}" failed`);
        ctx.onTestFailed(() => {
          failed ??= name;
        });
        await fn(ctx);
      },
      timeoutMs,
    );
}
