import { describe, expect, it } from 'vitest';
import { errorText } from '../../renderer/src/i18n/error-text.js';
import { translate, type Language } from '../../renderer/src/i18n/index.js';
import type { T } from '../../renderer/src/i18n/useT.js';

const tIn =
  (language: Language): T =>
  (key, vars) =>
    translate(language, key, vars);

describe('errors said from their details', () => {
  it('names the program and computer printing a batch (BATCH_RUNNING), in both languages', () => {
    const details = { batchId: 3, owner: { pid: 4242, host: 'bench-pc', role: 'app', thisProgram: false } };
    expect(errorText(tIn('en'), 'BATCH_RUNNING', details)).toBe(
      'Batch 3 is being printed by the app on bench-pc; wait for it to finish, or stop that program first.',
    );
    expect(errorText(tIn('zh-CN'), 'BATCH_RUNNING', details)).toBe('批次 3 正由 bench-pc 上的桌面应用打印；请等它打完，或先停止那个程序。');
    expect(errorText(tIn('en'), 'BATCH_RUNNING', { ...details, owner: { ...details.owner, thisProgram: true } })).toBe(
      'Batch 3 is printing here right now; wait for it to finish, or pause it.',
    );
    expect(errorText(tIn('en'), 'BATCH_RUNNING', { batchId: 3, owner: { host: 'x', role: 'robot' } })).toContain('another Packdesk program on x');
  });

  it('falls back to the code’s plain sentence when the details are missing or of another shape', () => {
    expect(errorText(tIn('en'), 'BATCH_RUNNING')).toBe(translate('en', 'error.BATCH_RUNNING'));
    expect(errorText(tIn('en'), 'IMPORT_WRONG_KIND', { looksLike: 'unknown' })).toBe(translate('en', 'error.IMPORT_WRONG_KIND'));
    expect(errorText(tIn('zh-CN'), 'DATABASE_BUSY', 'not an object')).toBe('另一个 Packdesk 程序正在写入数据库，请重试。');
    expect(errorText(tIn('en'), 'SOMETHING_NEWER')).toBe(translate('en', 'error.INTERNAL'));
  });
});
