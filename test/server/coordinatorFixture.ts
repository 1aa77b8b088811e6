// The setup most workspace server tests repeat: one server fixture for the file, a coordinator signed in once, and
// optionally a clean slate of some tables before each test.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fixture, type Fixture } from './helpers.ts';
import { signedIn } from './workspaceHelpers.ts';

/** The fixture, the coordinator's session cookie and display name. */
export interface CoordinatorFixture {
  readonly f: Fixture;
  readonly cookie: string;
  readonly coordinatorName: string;
}

/**
 * Registers the file's hooks: before all, a fixture and a coordinator created at the fixture's clock and signed in,
 * handed to `use`; after all, the fixture closed; before each test, `cleanup` SQL when given (e.g. a TRUNCATE).
 */
export function coordinatorFixture(
  use: (world: CoordinatorFixture) => void,
  options: { readonly cleanup?: string; readonly distDir?: string } = {},
): void {
  let f: Fixture | undefined;
  beforeAll(async () => {
    f = await fixture(options.distDir === undefined ? {} : { distDir: options.distDir });
    const c = await signedIn(f.app, f.db, 'coordinator', { now: f.clock.now() });
    use({ f, cookie: c.cookie, coordinatorName: c.name });
  });
  afterAll(() => f?.close());
  const { cleanup } = options;
  if (cleanup !== undefined) beforeEach(() => f?.db.exec(cleanup));
}
