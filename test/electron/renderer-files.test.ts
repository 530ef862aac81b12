import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rendererFile, rendererResponse, rendererRoot } from '../../electron/renderer-files.js';
import { tempDir } from '../helpers/core.js';

const { dir, cleanup } = tempDir('packdesk-renderer-');
const root = rendererRoot(path.join(dir, 'renderer'));
fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
fs.writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log(1)');
fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside');
afterAll(cleanup);

const CSP = "default-src 'self'";

describe('serving the renderer on app://', () => {
  it('serves files inside the renderer folder with their type and our CSP', async () => {
    const res = await rendererResponse(root, 'app://packdesk/assets/index.js', CSP);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(await res.text()).toBe('console.log(1)');
    expect(rendererFile(root, 'app://packdesk/')).toBe(path.join(root, 'index.html'));
  });

  it('never reads outside the folder', async () => {
    for (const url of [
      'app://packdesk/../secret.txt',
      'app://packdesk/%2e%2e/secret.txt',
      'app://packdesk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://packdesk/%00',
    ]) {
      expect(rendererFile(root, url), url).toBeNull();
    }
    const res = await rendererResponse(root, 'app://packdesk/%2e%2e/secret.txt', CSP);
    expect(res.status).toBe(404);
  });

  it('says how to build the screens when they are missing', async () => {
    const res = await rendererResponse(path.join(dir, 'nothing'), 'app://packdesk/index.html', CSP);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run build:renderer');
  });
});
