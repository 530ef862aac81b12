import { describe, expect, it } from 'vitest';
import path from 'node:path';
import {
  electronBuildEnv,
  judgeNodeLoad,
  nativeBuildReason,
  nativeTarget,
  nodeLoadError,
  nodeTooOld,
  type NativeTarget,
} from '../../scripts/electron-native.js';

const want: NativeTarget = { electron: '45.5.0', abi: '150', platform: 'linux', arch: 'x64', betterSqlite3: '12.6.2' };

describe('the Node check before npm start', () => {
  it('wants Node 22.12 or newer, and says what still works', () => {
    expect(nodeTooOld('22.12.0')).toBeNull();
    expect(nodeTooOld('v22.13.1')).toBeNull();
    expect(nodeTooOld('24.0.0')).toBeNull();
    expect(nodeTooOld('22.11.9')).toMatch(/Node 22\.12\.0 or newer.*this is Node 22\.11\.9/);
    expect(nodeTooOld('20.20.2')).toMatch(/npm test/);
  });
});

describe('when better-sqlite3 is rebuilt for Electron', () => {
  it('builds when missing or unrecorded', () => {
    expect(nativeBuildReason(want, want, false)).toBe('not built yet');
    expect(nativeBuildReason(want, null, true)).toMatch(/no record/);
  });

  it('keeps a build made for this Electron, platform, arch and better-sqlite3', () => {
    expect(nativeBuildReason(want, { ...want }, true)).toBeNull();
  });

  it('rebuilds when any of them changed', () => {
    expect(nativeBuildReason(want, { ...want, electron: '44.0.0', abi: '140' }, true)).toBe('electron changed: 44.0.0 → 45.5.0');
    expect(nativeBuildReason(want, { ...want, arch: 'arm64' }, true)).toMatch(/^arch changed/);
    expect(nativeBuildReason(want, { ...want, betterSqlite3: '12.5.0' }, true)).toMatch(/^betterSqlite3 changed/);
  });

  it('reads the target from the installed packages', () => {
    const t = nativeTarget(path.resolve(import.meta.dirname, '../..'));
    expect(t).toMatchObject({ electron: '45.5.0', abi: '150', platform: process.platform, arch: process.arch });
  });
});

describe('telling an Electron build from a Node build', () => {
  const refused = (built: number) =>
    `Error: The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION ${built}. This version of Node.js requires\nNODE_MODULE_VERSION 115.`;

  it('accepts an addon Node refuses for carrying Electron’s ABI', () => {
    expect(judgeNodeLoad(refused(150), '150', '115')).toEqual({ ok: true, why: 'built for ABI 150' });
  });

  it('rejects an addon Node loads: nodedir made it a Node build', () => {
    const v = judgeNodeLoad(null, '150', '115');
    expect(v.ok).toBe(false);
    expect(v.why).toMatch(/nodedir/);
  });

  it('catches a real Node build of better-sqlite3 (what nodedir in ~/.npmrc produces)', () => {
    const nodeBuild = path.resolve(import.meta.dirname, '../../node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(nodeLoadError(nodeBuild)).toBeNull();
    expect(judgeNodeLoad(nodeLoadError(nodeBuild), '150', process.versions.modules).ok).toBe(false);
  });

  it('rejects an addon built for yet another ABI', () => {
    expect(judgeNodeLoad(refused(140), '150', '115').ok).toBe(false);
  });

  it('does not block on errors that say nothing about the ABI', () => {
    expect(judgeNodeLoad('Error: libfoo.so: cannot open shared object file', '150', '115').ok).toBe(true);
  });
});

describe('the build environment', () => {
  it('drops the npm settings that point node-gyp at Node', () => {
    const env = electronBuildEnv({
      PATH: '/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20.0.0',
      npm_config_runtime: 'node',
      npm_config_disturl: 'x',
      npm_config_cache: '/c',
    });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });
});
