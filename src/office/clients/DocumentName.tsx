/**
 * The name as written on the client's ID document (Latin letters), shown under a name in another script so staff can
 * read it; nothing when the client did not give one.
 */
import type { ClientSummary } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';

/** Props: the client (its document name may be null). */
export interface DocumentNameProps {
  readonly client: Pick<ClientSummary, 'documentName'>;
}

/** "Naam op ID-bewijs: Fatima Al-Hassan" as a small line, or nothing. */
export function DocumentName({ client }: DocumentNameProps) {
  const t = useT('workspace');
  if (!client.documentName) return null;
  return (
    <span class="document-name" data-testid="document-name">
      {t('client.document_name')}: <span lang="und-Latn">{client.documentName}</span>
    </span>
  );
}
