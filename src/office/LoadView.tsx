/** Shows a load's state: a loading line, a clear refusal for 403/404, or the content. */
import type { ComponentChildren } from 'preact';
import { useT } from '../shared/i18n/useT.ts';
import type { Load } from './useLoad.ts';

/** Props: the load and how to render its value. */
export interface LoadViewProps<T> {
  readonly load: Load<T>;
  readonly children: (value: T) => ComponentChildren;
}

/** The view. */
export function LoadView<T>({ load, children }: LoadViewProps<T>) {
  const t = useT('workspace');
  if (load.state === 'loading') return <p class="loading-line">{t('common.loading')}</p>;
  if (load.state === 'error') {
    const { status, message } = load.error;
    const text =
      status === 403
        ? t('common.forbidden')
        : status === 404
          ? t('common.not_found')
          : t('common.error', { message });
    return (
      <p class="error-box" role="alert" data-testid="load-error" data-status={status}>
        {text}
      </p>
    );
  }
  return <>{children(load.value)}</>;
}
