// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../core/domain/errors.js';
import { SCAN_VERDICTS } from '../../core/domain/packing.js';
import { PRINTER_CONDITIONS } from '../../printer/status/types.js';
import { App } from '../../renderer/src/App.js';
import { en } from '../../renderer/src/i18n/en.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';
import { createPackdeskStore } from '../../renderer/src/store/index.js';
import { FakeApi } from './helpers/fake-api.js';
import { renderWithCore } from './helpers/render.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(cleanup);

describe('catalogues', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('name the same placeholders for each key, and leave no text empty', () => {
    for (const [key, text] of Object.entries(en)) {
      const zh = zhCN[key as keyof typeof en];
      expect(zh.trim(), key).not.toBe('');
      expect(placeholders(zh), key).toEqual(placeholders(text));
    }
  });

  it('have a message for every scan verdict, error code and printer condition of the core', () => {
    const keys = [
      ...SCAN_VERDICTS.flatMap((c) => [`verdict.${c}`, `verdictShort.${c}`]),
      ...ERROR_CODES.map((c) => `error.${c}`),
      ...PRINTER_CONDITIONS.map((c) => `printer.condition.${c}`),
    ];
    for (const key of keys) {
      expect(en, key).toHaveProperty([key]);
      expect(zhCN, key).toHaveProperty([key]);
    }
  });

  it('pick plural forms through Intl.PluralRules, never "item(s)"', () => {
    expect(translate('en', 'pack.shortPack.missing', { count: 1 })).toBe('1 item still missing');
    expect(translate('en', 'pack.shortPack.missing', { count: 3 })).toBe('3 items still missing');
    expect(translate('en', 'pack.shortPack.missing', { count: 0 })).toBe('0 items still missing');
    expect(translate('zh-CN', 'pack.shortPack.missing', { count: 1 })).toBe('还缺 1 件');
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toMatch(/\w\(s\)/);
    // Every one-form has its other form beside it.
    for (const key of Object.keys(en).filter((k) => k.endsWith('#one'))) expect(en, key).toHaveProperty([key.slice(0, -4)]);
  });

  it('fill placeholders and translate', () => {
    expect(translate('en', 'pack.progress', { packed: 2, total: 5 })).toBe('2 of 5 packed');
    expect(translate('zh-CN', 'pack.progress', { packed: 2, total: 5 })).toBe('已装 2 / 5');
  });
});

describe('language switch', () => {
  it('switches visible text to Chinese and keeps the choice', () => {
    const { store } = renderWithCore(<App />);
    expect(screen.getByRole('button', { name: 'Pack' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(screen.getByRole('button', { name: '扫描打包' })).toBeTruthy();
    expect(screen.getByText(zhCN['pack.idle'])).toBeTruthy();
    expect(screen.getByText('工位 bench-3')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(store.getState().settings.language).toBe('zh-CN');
  });

  it('starts in the language saved in localStorage', () => {
    localStorage.clear();
    createPackdeskStore(new FakeApi()).getState().updateSettings({ language: 'zh-CN' });
    expect(createPackdeskStore(new FakeApi()).getState().settings.language).toBe('zh-CN');
    localStorage.clear();
  });
});
