// Beheer's sections have their own addresses: every section's URL parses back to that section (so a reload or a
// shared link opens it), /werkplek/beheer opens the first one, and unknown sections are "not found".
import { describe, expect, it } from 'vitest';
import { ADMIN_SECTIONS, href, parseRoute, type AdminSection } from '../../src/office/router.ts';

describe('workspace router: Beheer sections', () => {
  it('round-trips every section and the settings screen', () => {
    for (const section of Object.keys(ADMIN_SECTIONS) as AdminSection[]) {
      const url = href({ name: 'admin', section });
      expect(url).toBe(`/werkplek/beheer/${ADMIN_SECTIONS[section]}`);
      expect(parseRoute(url)).toEqual({ name: 'admin', section });
    }
    expect(parseRoute('/werkplek/beheer/instellingen')).toEqual({ name: 'settings' });
    expect(parseRoute('/werkplek/beheer')).toEqual({ name: 'admin' });
    expect(parseRoute('/werkplek/beheer/onbekend').name).toBe('unknown');
    expect(parseRoute('/werkplek/beheer/logboek/extra').name).toBe('unknown');
  });
});
