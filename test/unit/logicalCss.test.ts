// The kiosk mirrors for Arabic and Farsi only because its CSS uses logical properties; this keeps it that way.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(
  resolve(import.meta.dirname, '../../src/tablet/kiosk/kiosk.css'),
  'utf8',
).replace(/\/\*[\s\S]*?\*\//g, '');

/** Declarations that fix a side of the screen instead of following the text direction. */
function physical(source: string): string[] {
  const out: string[] = [];
  // A rule for one direction only (`:dir(rtl) …`) is physical on purpose, e.g. mirroring an icon that points.
  const shared = source.replace(/[^{}]*:dir\([^)]*\)[^{}]*\{[^}]*\}/g, '');
  for (const m of shared.matchAll(/([a-z-]+)\s*:\s*([^;{}]+);/g)) {
    const [, prop = '', value = ''] = m;
    if (/(^|-)(left|right)($|-)/.test(prop)) out.push(`${prop}: ${value}`);
    else if (
      /^(text-align|float|clear|justify-content|justify-self|justify-items)$/.test(prop) &&
      /\b(left|right)\b/.test(value)
    )
      out.push(`${prop}: ${value}`);
    else if (/^(margin|padding|border-width|inset)$/.test(prop)) {
      const parts = value.trim().split(/\s+/);
      // Four values with different left and right only suit one direction.
      if (parts.length === 4 && parts[1] !== parts[3]) out.push(`${prop}: ${value}`);
    } else if (/translateX|scaleX/.test(value)) out.push(`${prop}: ${value}`);
  }
  return out;
}

describe('kiosk CSS', () => {
  it('uses logical properties only, so right-to-left mirrors by itself', () => {
    expect(physical(css)).toEqual([]);
  });

  it('the check catches physical properties', () => {
    expect(
      physical('a { margin-left: 1rem; text-align: right; padding: 0 1rem 0 2rem; right: 0; }'),
    ).toEqual(['margin-left: 1rem', 'text-align: right', 'padding: 0 1rem 0 2rem', 'right: 0']);
  });

  it('lets a rule for one direction mirror on purpose', () => {
    expect(physical(':dir(rtl) .icon { transform: scaleX(-1); } .b { left: 0; }')).toEqual([
      'left: 0',
    ]);
  });
});
