// Build check: every locale has every key Dutch has, and every literal key the code uses exists in Dutch.
import { join, resolve } from 'node:path';
import { checkLocales } from './localeCheck.ts';

const ROOT = resolve(import.meta.dirname, '..');
const problems = checkLocales({
  root: ROOT,
  locales: join(ROOT, 'locales'),
  instruments: join(ROOT, 'src/shared/instruments'),
  sources: [join(ROOT, 'src/tablet'), join(ROOT, 'src/office'), join(ROOT, 'src/shared')],
});
if (problems.length) {
  console.error(`Locale check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Locale check: all locales complete, all used keys exist.');
