// The third-party notice matches the lockfile: a dependency added, removed or updated without `npm run notice` fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  currentNotice,
  NOTICE_FILE,
  renderNotice,
  shippedPackages,
  type Lockfile,
} from '../../scripts/thirdPartyNotice.ts';

describe('THIRD_PARTY_NOTICES.md', () => {
  it('is what `npm run notice` makes from package-lock.json today', () => {
    expect(readFileSync(NOTICE_FILE, 'utf8') === currentNotice(), 'run `npm run notice`').toBe(
      true,
    );
  });

  it('names the code, fonts and voices that ship, and no build-only tool', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lockfile;
    const names = new Map(shippedPackages(lock).map((p) => [p.name, p.license]));
    expect(names.get('espeak-ng')).toBe('GPL-3.0-or-later');
    expect(names.get('@fontsource/vazirmatn')).toBe('OFL-1.1');
    expect(names.get('preact')).toBe('MIT');
    expect(names.get('tsx')).toBe('MIT');
    expect(names.has('workbox-precaching')).toBe(true);
    for (const tool of ['vitest', 'eslint', 'typescript', 'vite', 'prettier'])
      expect(names.has(tool), tool).toBe(false);
  });

  it('follows nested node_modules the way node resolves them, and groups identical licence texts', () => {
    const lock: Lockfile = {
      packages: {
        '': { dependencies: { a: '1' } },
        'node_modules/a': { version: '1.0.0', license: 'MIT', dependencies: { b: '2' } },
        'node_modules/b': { version: '1.0.0', license: 'MIT' },
        'node_modules/a/node_modules/b': { version: '2.0.0', license: 'ISC' },
        'node_modules/tsx': { version: '4.0.0', license: 'MIT' },
        'node_modules/unused': { version: '9.9.9', license: 'GPL-2.0' },
      },
    };
    expect(shippedPackages(lock).map((p) => `${p.name}@${p.version}`)).toEqual([
      'a@1.0.0',
      'b@2.0.0',
      'tsx@4.0.0',
    ]);
    const text = renderNotice(lock, (path) => (path.endsWith('/b') ? 'ISC text' : 'MIT text'));
    expect(text).toContain('### a 1.0.0, tsx 4.0.0\n\n```text\nMIT text\n```');
    expect(text).toContain('### b 2.0.0\n');
    expect(text).not.toContain('unused');
  });
});
