/** The languages panel's recordings column: per language how many texts are recorded, synthetic or missing, as a link. */
import { useEffect, useState } from 'preact/hooks';
import type { RouteAnswer } from '../../shared/contract/client.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { Link } from '../Link.tsx';
import { href } from '../router.ts';

type Counts = RouteAnswer<'GET /api/recordings'>;
let shared: Promise<Counts> | null = null;

/** The counts of all languages, fetched once per panel showing (every row asks; one request goes out). */
function useCounts(): Counts | null {
  const [counts, setCounts] = useState<Counts | null>(null);
  useEffect(() => {
    shared ??= call('GET /api/recordings').finally(() => setTimeout(() => (shared = null), 0));
    shared.then(setCounts, () => setCounts([]));
  }, []);
  return counts;
}

/** One language's counts, linking to its recording page. */
export function RecordingSummary({ lng }: { readonly lng: string }) {
  const t = useT('workspace');
  const c = useCounts()?.find((x) => x.lng === lng);
  return (
    <Link to={href({ name: 'recordings', id: lng })}>
      {c
        ? t('recordings.summary', {
            recorded: c.recorded,
            synthetic: c.synthetic,
            missing: c.missing,
          })
        : t('recordings.open')}
    </Link>
  );
}
