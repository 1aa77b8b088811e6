// Measurements for the WCAG checks axe cannot make: focus indicator contrast, reflow at 200% text, target sizes.
import type { Page } from 'playwright-core';

/** An sRGB colour with alpha, parsed from a computed style. */
type Rgba = readonly [number, number, number, number];

/** What the focused element shows: outline, outer box-shadow rings, and the background around it. */
export interface FocusLook {
  readonly what: string;
  readonly outlineStyle: string;
  readonly outlineWidth: number;
  readonly outline: Rgba | null;
  readonly rings: readonly Rgba[];
  readonly background: Rgba;
}

/** Reads how the focused element is drawn (null when nothing but the body has focus). */
export function focusLook(page: Page): Promise<FocusLook | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return null;
    const rgba = (s: string): [number, number, number, number] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(s);
      if (!m?.[1]) return null;
      const [r = 0, g = 0, b = 0, a = 1] = m[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r, g, b, a];
    };
    const cs = getComputedStyle(el);
    const rings: [number, number, number, number][] = [];
    // Computed box-shadow: "rgb(…) 0px 0px 0px 6px[ inset], …"; an outer ring has a spread of at least 2px.
    const shadow =
      /(rgba?\([^)]*\))\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+(-?[\d.]+)px(\s+inset)?/g;
    for (const m of cs.boxShadow.matchAll(shadow)) {
      const c = rgba(m[1] ?? '');
      if (c && !m[6] && Number(m[5]) >= 2 && c[3] > 0) rings.push(c);
    }
    let background: [number, number, number, number] = [255, 255, 255, 1];
    for (let p = el.parentElement; p; p = p.parentElement) {
      const c = rgba(getComputedStyle(p).backgroundColor);
      if (c && c[3] >= 1) {
        background = c;
        break;
      }
    }
    const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
    return {
      what: `${el.tagName.toLowerCase()}${el.className ? `.${el.className.split(' ').join('.')}` : ''} "${label}"`,
      outlineStyle: cs.outlineStyle,
      outlineWidth: parseFloat(cs.outlineWidth),
      outline: rgba(cs.outlineColor),
      rings,
      background,
    };
  });
}

const channel = (v: number): number => {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = (c: Rgba): number =>
  0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);

/** WCAG contrast ratio of two opaque colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** Why a focus indicator is not good enough (WCAG 2.4.7 with the 3:1 of 1.4.11), or null when it is. */
export function focusProblem(look: FocusLook): string | null {
  if (look.outlineStyle === 'none' || look.outlineWidth < 2)
    return `${look.what}: no outline of at least 2px (${look.outlineStyle} ${look.outlineWidth}px)`;
  const best = Math.max(
    look.outline ? contrast(look.outline, look.background) : 0,
    ...look.rings.map((r) => contrast(r, look.background)),
  );
  return best >= 3 ? null : `${look.what}: focus indicator contrast ${best.toFixed(2)}:1 < 3:1`;
}

/** Sideways scrolling, controls outside the viewport, and text that overflows its control. */
export function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const de = document.documentElement;
    const out: string[] = [];
    if (de.scrollWidth > de.clientWidth)
      out.push(`the page scrolls sideways (${de.scrollWidth} > ${de.clientWidth})`);
    const selector =
      'button, input, label, h1, h2, p, .progress-bar, [role="dialog"], [role="alertdialog"]';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility()) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const what = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      if (r.left < -1 || r.right > de.clientWidth + 1)
        out.push(`${what} is outside the viewport (${Math.round(r.left)}–${Math.round(r.right)})`);
      if (
        el.tagName === 'BUTTON' &&
        (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      )
        out.push(`${what}: its text overflows the button`);
    }
    // A dialog taller than the screen must scroll inside its overlay, its top never cut off.
    for (const d of document.querySelectorAll<HTMLElement>(
      '[role="dialog"], [role="alertdialog"]',
    )) {
      const r = d.getBoundingClientRect();
      const overlay = d.parentElement;
      const scrolls = overlay
        ? ['auto', 'scroll'].includes(getComputedStyle(overlay).overflowY)
        : false;
      if (r.top < -1 || (r.bottom > window.innerHeight + 1 && !scrolls))
        out.push(
          `a dialog is cut off (${Math.round(r.top)}–${Math.round(r.bottom)} of ${window.innerHeight})`,
        );
    }
    return out;
  });
}

/** Visible buttons and choice labels smaller than `min` × `min` CSS px. */
export function smallTargets(page: Page, min = 48): Promise<string[]> {
  return page.evaluate((m) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, label.choice, input[type="text"]',
    )) {
      if (!el.checkVisibility()) continue;
      const r = el.getBoundingClientRect();
      if (r.width < m || r.height < m)
        out.push(
          `"${(el.textContent ?? '').trim().slice(0, 30)}" is ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    }
    return out;
  }, min);
}
