// The bench's reference page, built beside the kiosk (`vite build -c bench/bare/vite.config.ts`): the kiosk's stack
// and nothing else — preact, Dexie, i18next and workbox-window — with one item and one put. It opens its database,
// starts i18next with one statement and five answers, and shows them with a start button of the same markup as the
// kiosk's welcome screen; a tap on an answer is one Dexie put, timed like the kiosk's answers ('answer-commit').
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { Dexie, type Table } from 'dexie';
import i18next from 'i18next';
import { Workbox } from 'workbox-window';

interface Answer {
  readonly itemId: string;
  readonly value: number;
  readonly at: number;
}

class BareDb extends Dexie {
  answers!: Table<Answer, string>;
  constructor() {
    super('bench-bare');
    this.version(1).stores({ answers: 'itemId' });
  }
}

const db = new BareDb();
const opening = db.open();
await i18next.init({
  lng: 'nl',
  resources: {
    nl: {
      translation: {
        start: 'Beginnen',
        item: 'Ik vind het belangrijk dat regels worden nageleefd.',
        answers: ['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens'],
      },
    },
  },
});
await opening;

function App() {
  const [n, setN] = useState(0);
  const answers = i18next.t('answers', { returnObjects: true }) as string[];
  return (
    <main data-screen="welcome">
      <h1>{i18next.t('item')}</h1>
      <div class="answers">
        {answers.map((label, value) => (
          <button
            type="button"
            key={label}
            data-value={value + 1}
            onClick={(e) => {
              const tappedAt = e.timeStamp;
              void db.answers
                .put({ itemId: `i${n}`, value: value + 1, at: Date.now() })
                .then(() => {
                  performance.measure('answer-commit', { start: tappedAt, end: performance.now() });
                  setN(n + 1);
                });
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <button type="button" class="primary">
        {i18next.t('start')}
      </button>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
if (import.meta.env.PROD && 'serviceWorker' in navigator) void new Workbox('/sw.js').register();
